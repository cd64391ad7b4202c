import { chinaDateOf, daysBetween } from '../../../platform/calendar-date.ts';
import type { TaskStatus } from '../../tasks/rules/task-states.ts';

/**
 * The supervision colour of a task, computed from its record and never typed in. From most to least severe:
 *
 *   grey   closed (verified done)
 *   red    overdue: the deadline day has ended and the task is not closed; or, where `redBehindPoints`
 *          is set, more than that many percentage points behind the planned pace
 *   yellow at least `yellowBehindPoints` behind the planned pace, or the last report was returned
 *   blue   the deadline is at most `blueWithinDays` days away
 *   green  none of these
 *
 * Drafts and cancelled tasks get no colour (`null`): they are not on any supervision wall and are not
 * counted by colour, so a cancelled task can never pass for a finished (grey) one.
 *
 * Once completion is reported the clock stops at the report's date: a unit that reported in time does not
 * turn red while the supervising unit has yet to verify. A return restarts the clock (status `returned`).
 */
export type TaskColour = 'grey' | 'red' | 'yellow' | 'blue' | 'green';

export type ColourReason =
  | 'not_issued'
  | 'cancelled'
  | 'closed'
  | 'overdue'
  | 'far_behind_pace'
  | 'behind_pace'
  | 'report_returned'
  | 'deadline_near'
  | 'on_track';

/**
 * One region's thresholds. These presets are starting points: a deployment keeps its rules as a dated
 * setting, so a year is always judged by the rules in force then.
 */
export type ColourRules = {
  /** Percentage points behind the planned pace from which a task is yellow (inclusive). */
  yellowBehindPoints: number;
  /** Percentage points behind beyond which a task is red (exclusive); `null` leaves lateness to red alone. */
  redBehindPoints: number | null;
  /** A deadline this many days away or fewer (0 = due today) turns the task blue. */
  blueWithinDays: number;
};

export const DEFAULT_COLOUR_RULES: ColourRules = { yellowBehindPoints: 10, redBehindPoints: null, blueWithinDays: 7 };

/** Yinchuan: 10–30 points behind pace is yellow, more than 30 is red. */
export const YINCHUAN_COLOUR_RULES: ColourRules = { yellowBehindPoints: 10, redBehindPoints: 30, blueWithinDays: 7 };

export type ColourInput = {
  status: TaskStatus;
  deadline: string;
  plannedPercent: number;
  /** The latest accepted report's figure; 0 before the first report. */
  reportedPercent: number;
  lastReportReturned: boolean;
  now: Date;
  /** The day completion was reported; read only while the status is `completion_reported`. */
  completionReportedOn?: string;
};

export type ColourJudgement = {
  colour: TaskColour | null;
  /** Every condition that holds, most severe first; the first decides the colour. */
  reasons: ColourReason[];
  /** Planned minus reported percentage, in hundredths; negative when ahead. */
  behindPoints: number;
  /** Days from the day judged to the deadline: 0 on the deadline day, negative once overdue. */
  daysLeft: number;
};

const COLOUR_OF: Record<ColourReason, TaskColour | null> = {
  not_issued: null,
  cancelled: null,
  closed: 'grey',
  overdue: 'red',
  far_behind_pace: 'red',
  behind_pace: 'yellow',
  report_returned: 'yellow',
  deadline_near: 'blue',
  on_track: 'green',
};

export function taskColour(input: ColourInput, rules: ColourRules): ColourJudgement {
  const clockStopped = input.status === 'completion_reported';
  const judgedOn = (clockStopped ? input.completionReportedOn : undefined) ?? chinaDateOf(input.now);
  const daysLeft = daysBetween(judgedOn, input.deadline);
  // Rounded to hundredths, as progress is reported, so that 40.3 − 10.3 is 30 and not 29.999999999999996.
  const behindPoints = Math.round((input.plannedPercent - input.reportedPercent) * 100) / 100;
  const reasons = reasonsFor(input, rules, { clockStopped, daysLeft, behindPoints });
  return { colour: COLOUR_OF[reasons[0] ?? 'on_track'], reasons, behindPoints, daysLeft };
}

function reasonsFor(
  input: ColourInput,
  rules: ColourRules,
  facts: { clockStopped: boolean; daysLeft: number; behindPoints: number },
): ColourReason[] {
  if (input.status === 'draft') return ['not_issued'];
  if (input.status === 'cancelled') return ['cancelled'];
  if (input.status === 'closed') return ['closed'];
  const reasons: ColourReason[] = [];
  if (facts.daysLeft < 0) reasons.push('overdue');
  if (rules.redBehindPoints !== null && facts.behindPoints > rules.redBehindPoints) reasons.push('far_behind_pace');
  else if (facts.behindPoints >= rules.yellowBehindPoints) reasons.push('behind_pace');
  if (input.lastReportReturned) reasons.push('report_returned');
  // Nothing is left to hurry once completion is reported.
  if (!facts.clockStopped && facts.daysLeft >= 0 && facts.daysLeft <= rules.blueWithinDays)
    reasons.push('deadline_near');
  if (reasons.length === 0) reasons.push('on_track');
  return reasons;
}
