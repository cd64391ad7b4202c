import { appendAudit, type AuditActor } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Db } from '../../platform/database.ts';
import type { ScheduledJob } from '../../platform/scheduler.ts';
import { systemActor } from '../auth/context.ts';
import { type ColourPassResult, judgeAndRecord, tasksToJudgeAll } from './colour-change.ts';
import { rulesInForce } from './rule-set.ts';

/**
 * Re-judges every open task as of `now` in one transaction: colours, spells, warnings and notices. Judging
 * the same day twice finds nothing changed, so a repeated pass is harmless.
 */
export async function runSupervisionPass(
  db: Db,
  now: Date,
  actor: AuditActor = systemActor(),
): Promise<ColourPassResult> {
  return db.transaction().execute(async (tx) => {
    const rules = await rulesInForce(tx, chinaDateOf(now));
    const result = await judgeAndRecord(tx, tasksToJudgeAll(tx), { now, rules });
    await appendAudit(
      tx,
      actor,
      { action: 'supervision.pass', entity: 'task', after: { day: chinaDateOf(now), ...result } },
      now,
    );
    return result;
  });
}

/** The daily pass, run once per China day by the in-process scheduler. */
export function supervisionPassJob(db: Db): ScheduledJob {
  return { name: 'supervision.pass', slotOf: chinaDateOf, run: (now) => runSupervisionPass(db, now) };
}
