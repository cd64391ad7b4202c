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
  pages: AsyncIterable<readonly JudgeRow[]> | Iterable<readonly JudgeRow[]>,
  options: { now: Date; rules: SupervisionRules },
): Promise<ColourPassResult> {
  const day = chinaDateOf(options.now);
  const writes: Promise<[void, { task_id: string }[]]>[] = [];
  let judged = 0;
  let changed = 0;
  // Each page's writes are sent, not awaited: PostgreSQL writes one page while Node judges the next.
  try {
    for await (const page of pages) {
      judged += page.length;
      const changes = judgeChanges(page, options);
      if (changes.length === 0) continue;
      changed += changes.length;
      const written = Promise.all([
        storeJudgements(tx, changes, day),
        startSpellsAndWarn(tx, spellsOf(changes), { day, at: options.now }),
      ]);
      // Awaited below, once every page is sent; until then a failure must not count as unhandled.
      written.catch(() => {});
      writes.push(written);
    }
  } catch (error) {
    // A failed write aborts the transaction, and with it the next read: report the write's own error.
    await Promise.all(writes);
    throw error;
  }
  if (changed === 0) return { judged, changed: 0, warnings: 0, notices: 0 };
  const warned = (await Promise.all(writes)).flatMap(([, spells]) => spells);
  const notices = await escalate(
    tx,
    warned.map((spell) => spell.task_id),
    options,
  );
  return { judged, changed, warnings: warned.length, notices };
}

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

/** Tasks read and judged at a time: large enough to batch the writes, small enough to overlap them. */
const PAGE = 5000;

/**
 * Every task whose colour may need judging, page by page. The next page is asked for before this one is
 * handed out, so it is read while this one is judged, and ahead of this one's writes.
 */
export async function* tasksToJudgeAll(tx: Executor): AsyncGenerator<JudgeRow[]> {
  let next = tasksToJudge(tx, { after: '0', limit: PAGE });
  for (;;) {
    const page = await next;
    const last = page.at(-1);
    if (!last) return;
    next = tasksToJudge(tx, { after: last.id, limit: PAGE });
    next.catch(() => {}); // awaited on the next turn
    yield page;
  }
}

/** Re-judges the given tasks inside the caller's transaction, right after they changed. */
export async function refreshColours(tx: Executor, taskIds: readonly string[], now: Date): Promise<ColourPassResult> {
  const rules = await rulesInForce(tx, chinaDateOf(now));
  return judgeAndRecord(tx, [await tasksToJudge(tx, { ids: taskIds })], { now, rules });
}
