import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Executor } from '../../platform/database.ts';
import { type Judgement, judgeTask } from './judge.ts';
import {
  historiesOf,
  issueNoticesAndNotify,
  type JudgeRow,
  type NewNotice,
  startSpellsAndWarn,
  storeJudgements,
  tasksToJudge,
} from './queries.ts';
import type { TaskColour } from './rules/colour.ts';
import { escalationFor } from './rules/escalation.ts';
import { rulesInForce, type SupervisionRules } from './rule-set.ts';

export type ColourPassResult = { judged: number; changed: number; warnings: number; notices: number };

/**
 * Judges the tasks, stores what changed, records each change of colour as the start of a spell, warns the
 * lead unit of every new yellow or red spell, and issues the notices the escalation rules call for. Every
 * insert is keyed (a spell by task, day and colour; a notice by its source), so a second run on the same
 * day changes nothing: the pass is idempotent.
 */
export async function judgeAndRecord(
  tx: Executor,
  tasks: readonly JudgeRow[],
  options: { now: Date; rules: SupervisionRules },
): Promise<ColourPassResult> {
  const judged = tasks.map((task) => ({
    task,
    judgement: judgeTask(toJudged(task), options.now, options.rules.colour),
  }));
  const changed = judged.filter(({ task, judgement }) => isChange(task, judgement));
  if (changed.length === 0) return { judged: tasks.length, changed: 0, warnings: 0, notices: 0 };
  const day = changed[0]?.judgement.day ?? '';
  await storeJudgements(
    tx,
    changed.map(({ task, judgement }) => ({
      id: task.id,
      colour: judgement.colour,
      reasons: judgement.reasons,
      planned: judgement.plannedPercent,
    })),
    day,
  );
  const warned = await startSpellsAndWarn(
    tx,
    changed
      .filter(({ task, judgement }) => judgement.colour !== null && judgement.colour !== task.colour)
      .map(({ task, judgement }) => ({ taskId: task.id, colour: judgement.colour as string })),
    { day, at: options.now },
  );
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const notices = await escalate(
    tx,
    warned.map((spell) => byId.get(spell.task_id) as JudgeRow),
    options,
  );
  return { judged: tasks.length, changed: changed.length, warnings: warned.length, notices };
}

function toJudged(task: JudgeRow) {
  return {
    status: task.status,
    startOn: task.start_on,
    deadline: task.deadline,
    milestones: task.milestones as { dueOn: string; weight: number }[],
    reportedPercent: Number(task.reported_percent),
    lastReportReturned: task.last_report_returned,
    completionReportedOn: task.completion_reported_on,
  };
}

function isChange(task: JudgeRow, judgement: Judgement): boolean {
  return (
    task.colour !== judgement.colour ||
    Number(task.planned_percent) !== judgement.plannedPercent ||
    task.colour_reasons !== judgement.reasons.join(',')
  );
}

/** The notices each task's whole colour history calls for that have not been issued yet. */
async function escalate(
  tx: Executor,
  tasks: readonly JudgeRow[],
  options: { now: Date; rules: SupervisionRules },
): Promise<number> {
  if (tasks.length === 0) return 0;
  const histories = Map.groupBy(await historiesOf(tx, [...new Set(tasks.map((t) => t.id))]), (row) => row.task_id);
  const notices: NewNotice[] = tasks.flatMap((task) => {
    const history = (histories.get(task.id) ?? []).map((row) => ({ colour: row.colour as TaskColour, on: row.on_day }));
    return escalationFor(history, options.rules.escalation).map((escalation): NewNotice => ({
      taskId: task.id,
      unitId: task.lead_unit_id,
      unitPath: task.lead_unit_path,
      // A red spell brings the supervision notice (督办单) with the formal interview of the unit head.
      kind: escalation.notice === 'formal_interview' ? 'supervision_notice' : 'supervision_letter',
      origin: 'automatic',
      issuedOn: escalation.dueOn,
      body: escalation.notice,
      deductionPoints: escalation.deductionPoints,
      escalatedTo: null,
      sourceKey: `escalation:${task.id}:${escalation.notice}:${escalation.dueOn}`,
      issuedBy: null,
      at: options.now,
    }));
  });
  return issueNoticesAndNotify(tx, notices);
}

/** Re-judges the given tasks inside the caller's transaction, right after they changed. */
export async function refreshColours(tx: Executor, taskIds: readonly string[], now: Date): Promise<ColourPassResult> {
  const rules = await rulesInForce(tx, chinaDateOf(now));
  return judgeAndRecord(tx, await tasksToJudge(tx, taskIds), { now, rules });
}
