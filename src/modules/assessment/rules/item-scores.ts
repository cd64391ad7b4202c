import { compareDates } from '../../../platform/calendar-date.ts';
import { byId } from './order.ts';
import { splitEvenly, sumCents, toCents, toPoints } from './points.ts';
import type {
  BonusClaimRecord,
  EnteredScoreRecord,
  ExemptionRecord,
  IndicatorValueRecord,
  SupervisionEventRecord,
  TaskOutcomeRecord,
  UnitRecords,
  VetoEventRecord,
} from './records.ts';
import { itemWorth, type Cadence, type ItemKind, type SchemeItem } from './scheme.ts';

/**
 * One record's part in an item's score. `points` is what the record adds to the item (negative for a
 * deduction), after every cap; the other fields show how it was reached.
 */
export type Contribution =
  | { source: 'task'; sourceId: string; points: number; outcome: 'closed_on_time' | 'closed_late' | 'not_closed' }
  | {
      source: 'indicator_value';
      sourceId: string;
      points: number;
      actual: number | null;
      target: number;
      /** The attainment ratio after the cap; `null` while the value is missing. */
      ratio: number | null;
    }
  | {
      source: 'supervision_event';
      sourceId: string;
      points: number;
      eventKind: string;
      on: string;
      originalPoints: number;
      exemptedPoints: number;
      exemptionIds: string[];
      /** Original minus exempted; `points` is its negative unless the item had run out of points. */
      netPoints: number;
    }
  | { source: 'bonus_claim'; sourceId: string; points: number; claimedPoints: number }
  | { source: 'veto_event'; sourceId: string; points: 0; on: string }
  | { source: 'entered_score'; sourceId: string; points: number; score: number };

export type QuarterShare = { quarter: number; weightPercent: number; weightedPoints: number; item: ItemResult };

/**
 * An item's score. Always `points = basePoints + Σ contributions.points + Σ quarters.weightedPoints`, to the
 * hundredth: the base is what the item holds before any record (full marks for a deduction item).
 */
export type ItemResult = {
  code: string;
  kind: ItemKind;
  cadence: Cadence;
  worth: number;
  points: number;
  basePoints: number;
  /** A value the item needs has not been entered; its points so far count it as 0. */
  missingInput: boolean;
  contributions: Contribution[];
  /** For a quarterly item scored for the year: each quarter's score and weight. */
  quarters: QuarterShare[];
};

type Scored = Pick<ItemResult, 'basePoints' | 'contributions' | 'missingInput'>;

/** Scores one item from one period's records. */
export function scoreItem(item: SchemeItem, records: UnitRecords): ItemResult {
  const scored = scoreByKind(item, records);
  const cents = toCents(scored.basePoints) + sumCents(scored.contributions.map((line) => toCents(line.points)));
  const { code, kind, cadence } = item;
  return { code, kind, cadence, worth: itemWorth(item), points: toPoints(cents), ...scored, quarters: [] };
}

function scoreByKind(item: SchemeItem, records: UnitRecords): Scored {
  switch (item.kind) {
    case 'timeliness':
      return scoreTimeliness(item.points, recordsFor(records.tasks, item.code));
    case 'attainment':
      return scoreAttainment(item, single(recordsFor(records.indicatorValues, item.code), item.code));
    case 'deduction':
      return scoreDeduction(item, recordsFor(records.supervisionEvents, item.code), records.exemptions ?? []);
    case 'bonus':
      return scoreBonus(item.points, recordsFor(records.bonusClaims, item.code));
    case 'entered':
      return scoreEntered(item.points, single(recordsFor(records.enteredScores, item.code), item.code));
    case 'veto':
      return scoreVeto(recordsFor(records.vetoEvents, item.code));
  }
}

function scoreTimeliness(worth: number, tasks: readonly TaskOutcomeRecord[]): Scored {
  // A unit with no task due in the period had nothing to be late with.
  if (tasks.length === 0) return { basePoints: worth, contributions: [], missingInput: false };
  const outcomes = tasks.map((task) => ({ task, outcome: taskOutcome(task) }));
  const onTimeCount = outcomes.filter(({ outcome }) => outcome === 'closed_on_time').length;
  // Each task closed on time carries an equal share, so the lines add up to the item exactly.
  const shares = onTimeCount === 0 ? [] : splitEvenly(toCents((worth * onTimeCount) / tasks.length), onTimeCount);
  let nextShare = 0;
  const contributions = outcomes.map(({ task, outcome }): Contribution => {
    const cents = outcome === 'closed_on_time' ? (shares[nextShare++] ?? 0) : 0;
    return { source: 'task', sourceId: task.id, points: toPoints(cents), outcome };
  });
  return { basePoints: 0, contributions, missingInput: false };
}

function taskOutcome({ deadline, closedOn }: TaskOutcomeRecord): 'closed_on_time' | 'closed_late' | 'not_closed' {
  if (closedOn === null) return 'not_closed';
  return closedOn <= deadline ? 'closed_on_time' : 'closed_late';
}

function scoreAttainment(
  item: Extract<SchemeItem, { kind: 'attainment' }>,
  value: IndicatorValueRecord | undefined,
): Scored {
  if (!value) return { basePoints: 0, contributions: [], missingInput: true };
  const ratio = value.actual === null ? null : attainmentRatio(item, value.actual, value.target);
  const points = ratio === null ? 0 : toPoints(toCents(item.points * ratio));
  const { id: sourceId, actual, target } = value;
  return {
    basePoints: 0,
    contributions: [{ source: 'indicator_value', sourceId, points, actual, target, ratio }],
    missingInput: ratio === null,
  };
}

/**
 * actual ÷ target, or target ÷ actual when lower is better, kept between 0 and the cap. A ratio only means
 * something against a positive target. When lower is better, a level of zero cannot be bettered, so it
 * earns the cap.
 */
function attainmentRatio(item: Extract<SchemeItem, { kind: 'attainment' }>, actual: number, target: number): number {
  if (!(target > 0)) throw new RangeError(`Attainment item ${item.code} needs a positive target, not ${target}`);
  const raw = item.direction === 'higher_is_better' ? actual / target : actual <= 0 ? item.cap : target / actual;
  return Math.min(item.cap, Math.max(0, raw));
}

function scoreDeduction(
  item: Extract<SchemeItem, { kind: 'deduction' }>,
  events: readonly SupervisionEventRecord[],
  exemptions: readonly ExemptionRecord[],
): Scored {
  let remainingCents = toCents(item.points);
  const contributions: Contribution[] = [];
  // Earliest first: once the item is spent, it is the later events that no longer cost anything.
  for (const event of [...events].sort(byDayThenId)) {
    const original = item.pointsPerEvent[event.kind];
    if (original === undefined) throw new RangeError(`Deduction item ${item.code} sets no points for "${event.kind}"`);
    const originalCents = toCents(original);
    const applying = exemptions.filter((exemption) => exemption.deductionSourceId === event.id).sort(byId);
    const claimedCents = sumCents(
      applying.map(({ reducePoints }) => (reducePoints === null ? originalCents : toCents(reducePoints))),
    );
    const exemptedCents = Math.min(originalCents, claimedCents);
    const netCents = originalCents - exemptedCents;
    const appliedCents = Math.min(netCents, remainingCents);
    remainingCents -= appliedCents;
    contributions.push({
      source: 'supervision_event',
      sourceId: event.id,
      points: toPoints(-appliedCents),
      eventKind: event.kind,
      on: event.on,
      originalPoints: toPoints(originalCents),
      exemptedPoints: toPoints(exemptedCents),
      exemptionIds: applying.map((exemption) => exemption.id),
      netPoints: toPoints(netCents),
    });
  }
  return { basePoints: item.points, contributions, missingInput: false };
}

function scoreBonus(worth: number, claims: readonly BonusClaimRecord[]): Scored {
  let remainingCents = toCents(worth);
  const contributions = claims.map((claim): Contribution => {
    const awardedCents = Math.min(toCents(claim.points), remainingCents);
    remainingCents -= awardedCents;
    return { source: 'bonus_claim', sourceId: claim.id, points: toPoints(awardedCents), claimedPoints: claim.points };
  });
  return { basePoints: 0, contributions, missingInput: false };
}

function scoreEntered(worth: number, entry: EnteredScoreRecord | undefined): Scored {
  if (!entry) return { basePoints: 0, contributions: [], missingInput: true };
  const score = Math.min(100, Math.max(0, entry.score));
  const points = toPoints(toCents((worth * score) / 100));
  return {
    basePoints: 0,
    contributions: [{ source: 'entered_score', sourceId: entry.id, points, score }],
    missingInput: false,
  };
}

function scoreVeto(events: readonly VetoEventRecord[]): Scored {
  const contributions = events.map((event): Contribution => ({
    source: 'veto_event',
    sourceId: event.id,
    points: 0,
    on: event.on,
  }));
  return { basePoints: 0, contributions, missingInput: false };
}

/** The item's records in id order, so that the breakdown never depends on the order they were loaded in. */
function recordsFor<Row extends { id: string; itemCode: string }>(
  rows: readonly Row[] | undefined,
  itemCode: string,
): Row[] {
  return (rows ?? []).filter((row) => row.itemCode === itemCode).sort(byId);
}

/** Items that read one value per period; two would be a selection mistake, not something to guess about. */
function single<Row>(rows: readonly Row[], itemCode: string): Row | undefined {
  if (rows.length > 1) throw new RangeError(`Item ${itemCode} takes one record per period, not ${rows.length}`);
  return rows[0];
}

function byDayThenId(a: { on: string; id: string }, b: { on: string; id: string }): number {
  return compareDates(a.on, b.on) || byId(a, b);
}
