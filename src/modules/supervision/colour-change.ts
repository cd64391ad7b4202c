import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Executor } from '../../platform/database.ts';
import { judgeTask } from './judge.ts';
import {
  type Escalated,
  historiesOf,
  issueEscalations,
  type JudgeRow,
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
  const day = chinaDateOf(options.now);
  const writes: Promise<[void, { task_id: string }[]]>[] = [];
  let changed = 0;
  for (let start = 0; start < tasks.length; start += CHUNK) {
    const chunk = judgeChanges(tasks.slice(start, start + CHUNK), options);
    if (chunk.length === 0) continue;
    changed += chunk.length;
    const written = Promise.all([
      storeJudgements(tx, chunk, day),
      startSpellsAndWarn(tx, spellsOf(chunk), { day, at: options.now }),
    ]);
    // Handled below, once every chunk is sent; until then a failure must not count as unhandled.
    written.catch(() => {});
    writes.push(written);
    // Let the driver send this chunk before the next is judged, so that PostgreSQL writes while Node judges.
    await new Promise(setImmediate);
  }
  if (changed === 0) return { judged: tasks.length, changed: 0, warnings: 0, notices: 0 };
  const warned = (await Promise.all(writes)).flatMap(([, spells]) => spells);
  const notices = await escalate(
    tx,
    warned.map((spell) => spell.task_id),
    options,
  );
  return { judged: tasks.length, changed, warnings: warned.length, notices };
}

/** Tasks judged per write: small enough to judge one while the previous is written, large enough to batch. */
const CHUNK = 5000;

type Change = { id: string; colour: TaskColour | null; reasons: string; planned: number; previous: string | null };

/** The judgements that differ from what the tasks hold. */
function judgeChanges(tasks: readonly JudgeRow[], options: { now: Date; rules: SupervisionRules }): Change[] {
  return tasks.flatMap((task) => {
    const judgement = judgeTask(toJudged(task), options.now, options.rules.colour);
    const { colour, plannedPercent: planned } = judgement;
    const reasons = judgement.reasons.join(',');
    const same = colour === task.colour && planned === Number(task.planned_percent) && reasons === task.colour_reasons;
    return same ? [] : [{ id: task.id, colour, reasons, planned, previous: task.colour }];
  });
}

/** Every change of colour starts a spell. */
function spellsOf(changes: readonly Change[]) {
  return changes.flatMap(({ id, colour, previous }) =>
    colour !== null && colour !== previous ? [{ taskId: id, colour }] : [],
  );
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

/** The notices each task's whole colour history calls for that have not been issued yet. */
async function escalate(
  tx: Executor,
  taskIds: readonly string[],
  options: { now: Date; rules: SupervisionRules },
): Promise<number> {
  if (taskIds.length === 0) return 0;
  const histories = Map.groupBy(await historiesOf(tx, [...new Set(taskIds)]), (row) => row.task_id);
  const escalated: Escalated[] = taskIds.flatMap((taskId) => {
    const history = (histories.get(taskId) ?? []).map((row) => ({ colour: row.colour as TaskColour, on: row.on_day }));
    return escalationFor(history, options.rules.escalation).map((escalation): Escalated => ({
      taskId,
      // A red spell brings the supervision notice (督办单) with the formal interview of the unit head.
      kind: escalation.notice === 'formal_interview' ? 'supervision_notice' : 'supervision_letter',
      notice: escalation.notice,
      dueOn: escalation.dueOn,
      deductionPoints: escalation.deductionPoints,
    }));
  });
  return issueEscalations(tx, escalated, options.now);
}

/** Re-judges the given tasks inside the caller's transaction, right after they changed. */
export async function refreshColours(tx: Executor, taskIds: readonly string[], now: Date): Promise<ColourPassResult> {
  const rules = await rulesInForce(tx, chinaDateOf(now));
  return judgeAndRecord(tx, await tasksToJudge(tx, taskIds), { now, rules });
}
