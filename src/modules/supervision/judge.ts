import { chinaDateOf } from '../../platform/calendar-date.ts';
import { type Milestone, plannedPercent } from '../tasks/rules/milestones.ts';
import type { TaskStatus } from '../tasks/rules/task-states.ts';
import { type ColourRules, type TaskColour, taskColour } from './rules/colour.ts';

/** What the colour of a task is judged from: its stored record. */
export type JudgedTask = {
  status: string;
  startOn: string;
  deadline: string;
  milestones: readonly Milestone[];
  reportedPercent: number;
  lastReportReturned: boolean;
  completionReportedOn: string | null;
};

type Judgement = { colour: TaskColour | null; reasons: string[]; plannedPercent: number };

/**
 * The task's colour today under the rules. The planned pace is read from the milestones, whose dates the
 * task's own start and deadline bound; an extension moves the deadline past the last milestone, which
 * the pace rule reads as reaching 100% at that milestone.
 */
export function judgeTask(task: JudgedTask, now: Date, rules: ColourRules): Judgement {
  const day = chinaDateOf(now);
  const planned = plannedOrZero(task, day);
  const judgement = taskColour(
    {
      status: task.status as TaskStatus,
      deadline: task.deadline,
      plannedPercent: planned,
      reportedPercent: task.reportedPercent,
      lastReportReturned: task.lastReportReturned,
      now,
      ...(task.completionReportedOn ? { completionReportedOn: task.completionReportedOn } : {}),
    },
    rules,
  );
  return { colour: judgement.colour, reasons: judgement.reasons, plannedPercent: planned };
}

/** Milestones an extension left behind the new deadline's dates stay valid; anything else reads as no plan. */
function plannedOrZero(task: JudgedTask, day: string): number {
  try {
    return plannedPercent(task.milestones, task.startOn, task.deadline, day);
  } catch (error) {
    if (error instanceof RangeError) return 0;
    throw error;
  }
}
