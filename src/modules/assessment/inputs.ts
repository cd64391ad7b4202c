import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/audit.ts';
import type { Executor } from '../../platform/database.ts';
import { compareText } from './rules/order.ts';
import type {
  BonusClaimRecord,
  EnteredScoreRecord,
  ExemptionRecord,
  IndicatorValueRecord,
  SupervisionEventRecord,
  TaskOutcomeRecord,
  UnitRecords,
  VetoEventRecord,
} from './rules/records.ts';
import type { AssessmentScheme } from './rules/scheme.ts';
import type { UnitInput } from './rules/scoring.ts';
import { indicatorReader } from './indicator-reader.ts';
import {
  approvedBonusClaims,
  approvedExemptions,
  enteredScores,
  type Period,
  supervisionEvents,
  taskOutcomes,
  vetoEvents,
} from './queries.ts';
import type { SchemeDefinition } from './schema.ts';

const QUARTERS = [
  ['01-01', '03-31'],
  ['04-01', '06-30'],
  ['07-01', '09-30'],
  ['10-01', '12-31'],
] as const;

export function quarterPeriods(year: number): Period[] {
  return QUARTERS.map(([from, to]) => ({ from: `${year}-${from}`, to: `${year}-${to}` }));
}

type Collected = {
  tasks: TaskOutcomeRecord[];
  supervisionEvents: SupervisionEventRecord[];
  exemptions: ExemptionRecord[];
  bonusClaims: BonusClaimRecord[];
  vetoEvents: VetoEventRecord[];
  enteredScores: EnteredScoreRecord[];
  indicators: { period: string; record: IndicatorValueRecord }[];
};

export function rulesScheme(code: string, definition: SchemeDefinition): AssessmentScheme {
  return {
    code,
    vetoEffect: definition.vetoEffect,
    grades: definition.grades,
    ...(definition.quarterWeights ? { quarterWeights: definition.quarterWeights } : {}),
    categories: definition.categories.map((category) => ({ code: category.code, items: category.items })),
  };
}

/**
 * Everything a run reads, as the scoring rules take it: each assessed unit's records for the year and for
 * each quarter, only up to `asOf`. Also the SHA-256 of all of it, which makes runs comparable: equal
 * hashes, equal inputs, equal results.
 */
export async function gatherInputs(
  db: Executor,
  scheme: {
    id: string;
    code: string;
    year: number;
    definition: SchemeDefinition;
    unitIds: readonly number[];
    unitCodes: ReadonlyMap<number, string>;
  },
  asOf: string,
): Promise<{ inputs: UnitInput[]; inputHash: string }> {
  const year: Period = { from: `${scheme.year}-01-01`, to: minDate(`${scheme.year}-12-31`, asOf) };
  const items = scheme.definition.categories.flatMap((category) => category.items);
  const codesOf = (kind: string) => items.filter((item) => item.kind === kind).map((item) => item.code);
  const attainment = items.flatMap((item) =>
    item.kind === 'attainment' ? [{ itemCode: item.code, indicatorCode: item.indicatorCode }] : [],
  );
  const deductionKinds = items.flatMap((item) =>
    item.kind === 'deduction' ? Object.keys(item.pointsPerEvent).map((kind) => ({ itemCode: item.code, kind })) : [],
  );
  const [tasks, events, exemptions, bonuses, vetoes, entered, indicators] = await Promise.all([
    taskOutcomes(db, scheme.unitIds, year),
    supervisionEvents(db, scheme.unitIds, year),
    approvedExemptions(db, scheme.id),
    approvedBonusClaims(db, scheme.id),
    vetoEvents(db, scheme.id, year),
    enteredScores(db, scheme.id),
    indicatorReader()(db, { schemeId: scheme.id, year: scheme.year, unitIds: scheme.unitIds, items: attainment }),
  ]);

  const records = new Map<number, Collected>();
  const recordsOf = (unitId: number): Collected => {
    let found = records.get(unitId);
    if (!found) {
      found = {
        tasks: [],
        supervisionEvents: [],
        exemptions: [],
        bonusClaims: [],
        vetoEvents: [],
        enteredScores: [],
        indicators: [],
      };
      records.set(unitId, found);
    }
    return found;
  };
  const timeliness = codesOf('timeliness');
  for (const task of tasks) {
    const closedOn = task.closed_on !== null && task.closed_on <= asOf ? task.closed_on : null;
    for (const itemCode of timeliness) {
      recordsOf(task.unit_id).tasks.push({ id: `task:${task.id}`, itemCode, deadline: task.deadline, closedOn });
    }
  }
  for (const event of events) {
    for (const { itemCode } of deductionKinds.filter((d) => d.kind === event.kind)) {
      recordsOf(event.unit_id).supervisionEvents.push({ id: event.eventId, itemCode, kind: event.kind, on: event.on });
    }
  }
  for (const exemption of exemptions) {
    recordsOf(exemption.unit_id).exemptions.push({
      id: `exemption:${exemption.id}`,
      deductionSourceId: exemption.event_id,
      reducePoints: exemption.reduce_points === null ? null : Number(exemption.reduce_points),
    });
  }
  for (const claim of bonuses) {
    recordsOf(claim.unit_id).bonusClaims.push({
      id: `bonus:${claim.id}`,
      itemCode: claim.item_code,
      points: Number(claim.points),
    });
  }
  for (const veto of vetoes) {
    recordsOf(veto.unit_id).vetoEvents.push({ id: `veto:${veto.id}`, itemCode: veto.item_code, on: veto.occurred_on });
  }
  for (const score of entered) {
    recordsOf(score.unit_id).enteredScores.push({
      id: `entered:${score.unit_id}:${score.item_code}`,
      itemCode: score.item_code,
      score: Number(score.score),
    });
  }
  for (const reading of indicators) {
    recordsOf(reading.unitId).indicators.push({
      period: reading.period,
      record: {
        id: `indicator:${reading.unitId}:${reading.itemCode}:${reading.period}`,
        itemCode: reading.itemCode,
        actual: reading.actual,
        target: reading.target,
      },
    });
  }

  const quarters = quarterPeriods(scheme.year);
  const inputs = [...scheme.unitIds]
    .map((unitId): UnitInput => {
      const all = recordsOf(unitId);
      const within = <Row extends { on: string }>(rows: Row[], quarter: Period) =>
        rows.filter((row) => row.on >= quarter.from && row.on <= quarter.to);
      const indicatorsIn = (period: string) => all.indicators.filter((i) => i.period === period).map((i) => i.record);
      const quarterRecords = eachQuarter((index): UnitRecords => {
        const quarter = quarters[index] as Period;
        return {
          tasks: all.tasks.filter((task) => task.deadline >= quarter.from && task.deadline <= quarter.to),
          supervisionEvents: within(all.supervisionEvents, quarter),
          exemptions: all.exemptions,
          vetoEvents: within(all.vetoEvents, quarter),
          indicatorValues: indicatorsIn(`Q${index + 1}`),
        };
      });
      const { indicators: _indicators, ...yearRecords } = all;
      return {
        unitId: scheme.unitCodes.get(unitId) ?? String(unitId),
        records: { ...yearRecords, indicatorValues: indicatorsIn('year') },
        quarterRecords,
      };
    })
    .sort((a, b) => compareText(a.unitId, b.unitId));
  // The quarters are cut from the year's records, except the quarters' own indicator readings: those and
  // the year's records, sorted, determine the run. Records are built here with a fixed key order, so plain
  // JSON is canonical enough for them.
  const hash = createHash('sha256').update(canonicalJson({ scheme: scheme.definition, asOf }));
  for (const input of inputs) {
    const quarterReadings = input.quarterRecords?.map((quarter) =>
      sortedRecords({ indicatorValues: quarter.indicatorValues ?? [] }),
    );
    hash.update('\n').update(JSON.stringify([input.unitId, sortedRecords(input.records), quarterReadings]));
  }
  const inputHash = hash.digest('hex');
  return { inputs, inputHash };
}

function eachQuarter<T>(make: (index: number) => T): [T, T, T, T] {
  return [make(0), make(1), make(2), make(3)];
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Records in id order, so that the hash does not depend on the order the database returned them in. */
function sortedRecords(records: UnitRecords): unknown {
  return Object.entries(records).map(([key, rows]) => [
    key,
    [...(rows as readonly { id: string }[])].sort((a, b) => compareText(a.id, b.id)),
  ]);
}
