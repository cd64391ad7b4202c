import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import { AppError } from '../../platform/errors.ts';
import type { ServiceContext } from '../auth/context.ts';
import { linkFiles, missingFiles } from '../files/queries.ts';
import { insertNotifications } from '../notifications/queries.ts';
import { refreshColours } from '../supervision/colour-change.ts';
import { decide } from './decide.ts';
import { presentReport } from './presenter.ts';
import {
  findReport,
  insertReport,
  latestCompletionReportId,
  reportByKey,
  reportForUpdate,
  reportsOf,
  reviewReport,
  updateTask,
} from './queries.ts';
import { loadVisibleTask, unitActingAs } from './service.ts';

export type SubmitReportOptions = {
  id: string;
  kind: 'progress' | 'completion';
  percent: number;
  narrative: string;
  figures: { label: string; value: number; unit: string }[];
  files: { sha256: string; name: string }[];
  idempotencyKey: string;
};

/**
 * A progress or completion report from the lead (or, on work under way, a co-operating) unit. One report
 * serves every supervisor of the task. The idempotency key makes a resubmission (a double click, a retried
 * request) a refused duplicate instead of a second report.
 */
export async function submitReport(ctx: ServiceContext, options: SubmitReportOptions) {
  const reportId = await ctx.db.transaction().execute(async (tx) => {
    const { task, grants, roles } = await loadVisibleTask(ctx, tx, options.id, true);
    const duplicate = await reportByKey(tx, task.id, options.idempotencyKey);
    if (duplicate) throw new AppError('REPORT_DUPLICATE', { id: duplicate.id });
    const missing = await missingFiles(
      tx,
      options.files.map((f) => f.sha256),
    );
    if (missing[0]) {
      throw new AppError('FILE_NOT_FOUND', { sha256: missing[0] }, [
        { field: 'files', code: 'FILE_NOT_FOUND', message: missing[0] },
      ]);
    }
    const now = ctx.clock.now();
    const today = chinaDateOf(now);
    const completion = options.kind === 'completion';
    const next = decide(task, completion ? 'report_completion' : 'report_progress', roles, now);
    const percent = completion ? 100 : options.percent;
    const { id } = await insertReport(tx, {
      task_id: task.id,
      kind: options.kind,
      percent,
      narrative: options.narrative,
      figures: JSON.stringify(options.figures),
      unit_id: unitActingAs(ctx, grants, next.role),
      idempotency_key: options.idempotencyKey,
      submitted_by: ctx.actor.userId,
      submitted_at: now,
    });
    await linkFiles(tx, 'report', id, options.files);
    await updateTask(tx, task.id, {
      status: next.status,
      ...(completion ? { completion_reported_on: today } : {}),
      updated_at: now,
    });
    await refreshColours(tx, [task.id], now);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: completion ? 'task.report_completion' : 'task.report_progress',
        entity: 'task',
        entityId: task.id,
        unitPath: task.lead_unit_path,
        before: { status: task.status },
        after: { status: next.status, report: id, percent, files: options.files.map((f) => f.sha256) },
      },
      now,
    );
    return id;
  });
  return presentReport(await requireReport(ctx, options.id, reportId));
}

async function requireReport(ctx: ServiceContext, taskId: string, reportId: string) {
  const row = await findReport(ctx.db, taskId, reportId);
  if (!row) throw new AppError('REPORT_NOT_FOUND', { id: reportId });
  return row;
}

export async function listReports(ctx: ServiceContext, options: { id: string }) {
  await loadVisibleTask(ctx, ctx.db, options.id);
  return (await reportsOf(ctx.db, options.id)).map(presentReport);
}

/**
 * The supervising unit accepts or returns (退回) a report. Accepting a completion report verifies and
 * closes the task; returning it sends the task back. An accepted progress report sets the pace figure the
 * colour is judged by; a returned one turns the task yellow until a report is accepted again.
 */
export async function reviewTaskReport(
  ctx: ServiceContext,
  options: { id: string; reportId: string; decision: 'accept' | 'return'; reason?: string | undefined },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const { task, grants, roles } = await loadVisibleTask(ctx, tx, options.id, true);
    if (!roles.includes('supervisor')) throw new AppError('TASK_ACTION_NOT_YOURS', { action: options.decision });
    const report = await reportForUpdate(tx, task.id, options.reportId);
    if (!report) throw new AppError('REPORT_NOT_FOUND', { id: options.reportId });
    if (report.status !== 'submitted') throw new AppError('REPORT_ALREADY_REVIEWED');
    const accept = options.decision === 'accept';
    const reason = options.reason?.trim() || null;
    if (!accept && !reason) {
      throw new AppError('TASK_REASON_REQUIRED', {}, [{ field: 'reason', code: 'reason_required', message: 'reason' }]);
    }
    const now = ctx.clock.now();
    if (report.kind === 'completion') {
      const latest = await latestCompletionReportId(tx, task.id);
      if (latest?.id !== report.id) throw new AppError('REPORT_NOT_LATEST');
      const next = decide(task, accept ? 'verify' : 'return', ['supervisor'], now, reason ? { reason } : {});
      await updateTask(tx, task.id, {
        status: next.status,
        ...(accept
          ? { closed_on: chinaDateOf(now), reported_percent: 100, last_report_returned: false }
          : { completion_reported_on: null, last_report_returned: true }),
        updated_at: now,
      });
    } else {
      await updateTask(tx, task.id, {
        ...(accept
          ? { reported_percent: report.percent, last_report_returned: false }
          : { last_report_returned: true }),
        updated_at: now,
      });
    }
    await reviewReport(tx, report.id, {
      status: accept ? 'accepted' : 'returned',
      reason,
      userId: ctx.actor.userId,
      at: now,
    });
    if (!accept) {
      await insertNotifications(tx, [
        {
          unitId: report.unit_id,
          unitPath: grants.find((g) => g.unit_id === report.unit_id)?.unit_path ?? task.lead_unit_path,
          kind: 'report_returned',
          taskId: task.id,
          title: task.title,
          body: reason ?? '',
          sourceKey: `returned:${report.id}`,
          at: now,
        },
      ]);
    }
    await refreshColours(tx, [task.id], now);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: accept ? 'task.report_accepted' : 'task.report_returned',
        entity: 'task',
        entityId: task.id,
        unitPath: task.lead_unit_path,
        before: { status: task.status, report: report.id },
        after: { decision: options.decision, reason },
      },
      now,
    );
  });
  return presentReport(await requireReport(ctx, options.id, options.reportId));
}
