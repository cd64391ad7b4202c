/**
 * The records a unit is scored from, as the services select them for one period (a quarter or the year).
 * Each names the scheme item it counts for and carries its own id, which the breakdown cites, so that
 * every point can be traced back to the record behind it.
 */

/** A task the unit led that fell due in the period; cancelled tasks are left out. */
export type TaskOutcomeRecord = {
  id: string;
  itemCode: string;
  /** The deadline in force at the end, including any approved extension. */
  deadline: string;
  /** The day the supervising unit verified completion; `null` while not closed. */
  closedOn: string | null;
};

export type IndicatorValueRecord = { id: string; itemCode: string; actual: number | null; target: number };

/** A supervision event held against the unit: a colour warning, a supervision letter, an interview … */
export type SupervisionEventRecord = { id: string; itemCode: string; kind: string; on: string };

/**
 * An approved error-tolerance exemption (容错免责) for one supervision event. Exemptions for events outside
 * the period being scored are simply not matched, so the services may pass all of a unit's exemptions.
 */
export type ExemptionRecord = {
  id: string;
  /** The id of the supervision event whose deduction it lifts. */
  deductionSourceId: string;
  /** Points taken off the deduction; `null` lifts it entirely. */
  reducePoints: number | null;
};

/** An approved bonus claim. */
export type BonusClaimRecord = { id: string; itemCode: string; points: number };

export type VetoEventRecord = { id: string; itemCode: string; on: string };

/** A score out of 100 entered by the assessors, such as the result of a satisfaction survey. */
export type EnteredScoreRecord = { id: string; itemCode: string; score: number };

export type UnitRecords = {
  tasks?: readonly TaskOutcomeRecord[];
  indicatorValues?: readonly IndicatorValueRecord[];
  supervisionEvents?: readonly SupervisionEventRecord[];
  exemptions?: readonly ExemptionRecord[];
  bonusClaims?: readonly BonusClaimRecord[];
  vetoEvents?: readonly VetoEventRecord[];
  enteredScores?: readonly EnteredScoreRecord[];
};
