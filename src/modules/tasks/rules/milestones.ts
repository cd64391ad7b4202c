import { dayNumber, isIsoDate } from '../../../platform/calendar-date.ts';

/**
 * The pace a task should keep. Weighted milestones say how much of the work is due by each date; between
 * them the plan is read as linear. Weights are relative: they are scaled so that the last milestone stands
 * at 100%, whatever they add up to.
 */
export type Milestone = { dueOn: string; weight: number };

export type MilestoneProblem =
  | { code: 'invalid_date'; field: 'start' | 'deadline'; value: string }
  | { code: 'invalid_date'; field: 'dueOn'; index: number; value: string }
  | { code: 'start_after_deadline'; start: string; deadline: string }
  | { code: 'weight_not_positive'; index: number; weight: number }
  | { code: 'due_before_start'; index: number; dueOn: string; start: string }
  | { code: 'due_after_deadline'; index: number; dueOn: string; deadline: string }
  | { code: 'out_of_order'; index: number; dueOn: string; previousDueOn: string };

/** Every problem at once, each naming the milestone (by position) and the figures involved. */
export function validateMilestones(
  milestones: readonly Milestone[],
  start: string,
  deadline: string,
): MilestoneProblem[] {
  const problems: MilestoneProblem[] = [];
  const startValid = isIsoDate(start);
  const deadlineValid = isIsoDate(deadline);
  if (!startValid) problems.push({ code: 'invalid_date', field: 'start', value: start });
  if (!deadlineValid) problems.push({ code: 'invalid_date', field: 'deadline', value: deadline });
  if (startValid && deadlineValid && start > deadline) problems.push({ code: 'start_after_deadline', start, deadline });
  milestones.forEach(({ dueOn, weight }, index) => {
    // Written so that NaN fails too, which `weight <= 0` would let through.
    if (!(weight > 0) || !Number.isFinite(weight)) problems.push({ code: 'weight_not_positive', index, weight });
    if (!isIsoDate(dueOn)) {
      problems.push({ code: 'invalid_date', field: 'dueOn', index, value: dueOn });
      return;
    }
    if (startValid && dueOn < start) problems.push({ code: 'due_before_start', index, dueOn, start });
    if (deadlineValid && dueOn > deadline) problems.push({ code: 'due_after_deadline', index, dueOn, deadline });
    const previous = milestones[index - 1];
    if (previous && isIsoDate(previous.dueOn) && dueOn < previous.dueOn) {
      problems.push({ code: 'out_of_order', index, dueOn, previousDueOn: previous.dueOn });
    }
  });
  return problems;
}

/**
 * The percentage of the work planned to be done on the day `on`: 0 on the start day, the cumulative share
 * of each milestone from its due date, linear in between, 100 from the last milestone on. Without
 * milestones the plan runs linearly from start to deadline. Rounded to hundredths, the precision progress
 * is reported in, so that comparisons against thresholds are not upset by floating-point noise.
 */
export function plannedPercent(milestones: readonly Milestone[], start: string, deadline: string, on: string): number {
  const problems = validateMilestones(milestones, start, deadline);
  if (problems.length > 0) throw new RangeError(`Invalid milestones: ${problems.map((p) => p.code).join(', ')}`);
  const knots = planKnots(milestones, start, deadline);
  const day = dayNumber(on);
  const afterIndex = knots.findIndex((knot) => knot.day > day);
  if (afterIndex === 0) return 0;
  const before = knots[afterIndex === -1 ? knots.length - 1 : afterIndex - 1];
  const after = knots[afterIndex];
  if (!before) throw new Error('A plan always has a first knot');
  const percent = after
    ? before.percent + ((after.percent - before.percent) * (day - before.day)) / (after.day - before.day)
    : before.percent;
  return Math.round(percent * 100) / 100;
}

type Knot = { day: number; percent: number };

/** The points the plan passes through, one per distinct day, each holding the cumulative percentage. */
function planKnots(milestones: readonly Milestone[], start: string, deadline: string): Knot[] {
  const totalWeight = milestones.reduce((sum, { weight }) => sum + weight, 0);
  let cumulative = 0;
  const targets =
    milestones.length === 0
      ? [{ day: dayNumber(deadline), percent: 100 }]
      : milestones.map(({ dueOn, weight }, index) => {
          cumulative += weight;
          // The last one is exactly 100, with no rounding left over from the division.
          const percent = index === milestones.length - 1 ? 100 : (cumulative / totalWeight) * 100;
          return { day: dayNumber(dueOn), percent };
        });
  const knots: Knot[] = [{ day: dayNumber(start), percent: 0 }];
  for (const target of targets) {
    const last = knots[knots.length - 1];
    // Milestones due the same day (or on the start day) count together from that day on.
    if (last && last.day === target.day) last.percent = target.percent;
    else knots.push(target);
  }
  return knots;
}
