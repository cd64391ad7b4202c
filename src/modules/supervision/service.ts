import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { linkFiles, missingFiles } from '../files/queries.ts';
import { insertNotifications } from '../notifications/queries.ts';
import { unitRefsByCodes, updateTask } from '../tasks/queries.ts';
import { loadVisibleTask, resolveUnits, type UnitRef } from '../tasks/service.ts';
import { refreshColours } from './colour-change.ts';
import { runSupervisionPass } from './pass.ts';
import {
  colourCounts,
  colourWall,
  insertInspection,
  insertNotice,
  inspectionsOf,
  inspectionsPage,
  type InspectionRow,
  noticesFor,
  overdueTasks,
  schedulerRuns,
  upsertRuleSet,
} from './queries.ts';
import { rulesInForce, type SupervisionRules } from './rule-set.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';

type Counts = { blue: number; yellow: number; red: number; green: number; grey: number };

function emptyCounts(): Counts {
  return { blue: 0, yellow: 0, red: 0, green: 0, grey: 0 };
}

function scopeOf(ctx: ServiceContext): string[] | null {
  return ctx.access.scopePaths.includes('/') ? null : [...ctx.access.scopePaths];
}

async function readableUnit(ctx: ServiceContext, code: string): Promise<UnitRef> {
  const { unit } = await resolveUnits(ctx.db, { unit: code });
  authorize(ctx.access, 'tasks.read', unit as UnitRef);
  return unit as UnitRef;
}

/** The contract's counts: tasks led inside the unit's subtree, by computed colour (grey = done). */
export async function summary(ctx: ServiceContext, options: { unit: string }): Promise<Counts> {
  const unit = await readableUnit(ctx, options.unit);
  const counts = emptyCounts();
  for (const row of await colourCounts(ctx.db, unit.path)) counts[row.colour as keyof Counts] = row.count;
  return counts;
}

/** Counts by colour for the unit and each sub-unit leading tasks, for the wall and its drill-down. */
export async function wall(ctx: ServiceContext, options: { unit: string }) {
  const unit = await readableUnit(ctx, options.unit);
  const rows = await colourWall(ctx.db, unit.path);
  const byChild = new Map<string, Counts>();
  const total = emptyCounts();
  for (const row of rows) {
    const counts = byChild.get(row.child_code) ?? emptyCounts();
    counts[row.colour as keyof Counts] += row.count;
    total[row.colour as keyof Counts] += row.count;
    byChild.set(row.child_code, counts);
  }
  const units = new Map((await unitRefsByCodes(ctx.db, [...byChild.keys()].filter(Boolean))).map((u) => [u.code, u]));
  const present = (ref: { code: string; name: string }) => ({ code: ref.code, name: ref.name });
  return {
    unit: present(unit),
    total,
    rows: [...byChild.entries()]
      .map(([code, counts]) => ({ unit: present(code ? (units.get(code) ?? { code, name: code }) : unit), counts }))
      .sort((a, b) => b.counts.red - a.counts.red || a.unit.code.localeCompare(b.unit.code)),
  };
}

export async function overdue(ctx: ServiceContext, options: { unit?: string | undefined; limit: number }) {
  assertCan(ctx.access, 'tasks.read');
  const unitPath = options.unit ? (await readableUnit(ctx, options.unit)).path : undefined;
  const rows = await overdueTasks(ctx.db, {
    scope: scopeOf(ctx),
    limit: options.limit,
    ...(unitPath ? { unitPath } : {}),
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    deadline: row.deadline,
    status: row.status,
    responsibleLeader: row.responsible_leader,
    leadUnit: { code: row.lead_code, name: row.lead_name },
  }));
}

export async function listNotices(
  ctx: ServiceContext,
  options: { unit?: string | undefined; taskId?: string | undefined; limit: number },
) {
  assertCan(ctx.access, 'tasks.read');
  const unitPath = options.unit ? (await readableUnit(ctx, options.unit)).path : undefined;
  const rows = await noticesFor(ctx.db, {
    scope: scopeOf(ctx),
    limit: options.limit,
    ...(unitPath ? { unitPath } : {}),
    ...(options.taskId ? { taskId: options.taskId } : {}),
  });
  return rows.map((row) => ({
    id: row.id,
    taskId: row.task_id,
    taskTitle: row.task_title,
    kind: row.kind,
    origin: row.origin,
    issuedOn: row.issued_on,
    body: row.body,
    deductionPoints: Number(row.deduction_points),
    escalatedTo: row.escalated_to,
    unit: { code: row.unit_code, name: row.unit_name },
    issuedBy: row.issued_by_name,
  }));
}

/** A supervision notice (督办单) or an escalation to the next leader, issued by hand by the supervising unit. */
export async function issueNotice(
  ctx: ServiceContext,
  options: {
    taskId: string;
    kind: 'supervision_notice' | 'escalation';
    body: string;
    escalatedTo?: string | undefined;
  },
) {
  const id = await ctx.db.transaction().execute(async (tx) => {
    const { task, roles } = await loadVisibleTask(ctx, tx, options.taskId, true);
    if (!roles.includes('supervisor')) throw new AppError('TASK_ACTION_NOT_YOURS', { action: options.kind });
    if (options.kind === 'escalation' && !options.escalatedTo) {
      throw new AppError('VALIDATION_FAILED', { summary: 'escalatedTo' }, [
        { field: 'escalatedTo', code: 'required', message: 'escalatedTo' },
      ]);
    }
    const now = ctx.clock.now();
    const inserted = await insertNotice(tx, {
      task_id: task.id,
      unit_id: task.lead_unit_id,
      unit_path: task.lead_unit_path,
      kind: options.kind,
      origin: 'manual',
      issued_on: chinaDateOf(now),
      body: options.body,
      deduction_points: 0,
      escalated_to: options.escalatedTo ?? null,
      issued_by: ctx.actor.userId,
      created_at: now,
    });
    await insertNotifications(tx, [
      {
        unitId: task.lead_unit_id,
        unitPath: task.lead_unit_path,
        kind: options.kind,
        taskId: task.id,
        title: task.title,
        body: options.body,
        sourceKey: `notice:${inserted.id}`,
        at: now,
      },
    ]);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: `supervision.${options.kind}`,
        entity: 'supervision_notice',
        entityId: inserted.id,
        unitPath: task.lead_unit_path,
        after: { task: task.id, body: options.body, escalatedTo: options.escalatedTo ?? null },
      },
      now,
    );
    return inserted.id;
  });
  const [created] = (await listNotices(ctx, { taskId: options.taskId, limit: 500 })).filter((n) => n.id === id);
  if (!created) throw new Error(`notice ${id} vanished after a committed insert`);
  return created;
}

/**
 * An on-site inspection. "Not as reported" means the reported progress was not found on the ground: the
 * task is treated like one whose report was returned (yellow) until a new report is accepted.
 */
export async function recordInspection(
  ctx: ServiceContext,
  options: {
    taskId: string;
    inspectedOn: string;
    findings: string;
    verdict: 'confirmed' | 'not_as_reported';
    photos: { sha256: string; name: string }[];
  },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const { task, roles } = await loadVisibleTask(ctx, tx, options.taskId, true);
    if (!roles.includes('supervisor')) throw new AppError('TASK_ACTION_NOT_YOURS', { action: 'inspect' });
    const missing = await missingFiles(
      tx,
      options.photos.map((p) => p.sha256),
    );
    if (missing[0]) throw new AppError('FILE_NOT_FOUND', { sha256: missing[0] });
    const now = ctx.clock.now();
    const { id } = await insertInspection(tx, {
      taskId: task.id,
      on: options.inspectedOn,
      findings: options.findings,
      verdict: options.verdict,
      userId: ctx.actor.userId,
      at: now,
    });
    await linkFiles(tx, 'inspection', id, options.photos);
    if (options.verdict === 'not_as_reported') {
      await updateTask(tx, task.id, { last_report_returned: true, updated_at: now });
      await refreshColours(tx, [task.id], now);
    }
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'supervision.inspection',
        entity: 'inspection',
        entityId: id,
        unitPath: task.lead_unit_path,
        after: { task: task.id, verdict: options.verdict, inspectedOn: options.inspectedOn },
      },
      now,
    );
  });
  return listInspections(ctx, { taskId: options.taskId });
}

function presentInspection(row: InspectionRow) {
  return {
    id: row.id,
    taskId: row.task_id,
    taskTitle: row.task_title,
    leadUnit: { code: row.lead_code, name: row.lead_name },
    inspectedOn: row.inspected_on,
    findings: row.findings,
    verdict: row.verdict,
    recordedBy: row.recorded_by_name,
    photos: row.photos,
  };
}

export async function listInspections(ctx: ServiceContext, options: { taskId: string }) {
  await loadVisibleTask(ctx, ctx.db, options.taskId);
  return (await inspectionsOf(ctx.db, options.taskId)).map(presentInspection);
}

/** The inspections of every task the caller may see, across tasks, for the supervision centre. */
export async function pageInspections(
  ctx: ServiceContext,
  options: {
    unit?: string | undefined;
    verdict?: 'confirmed' | 'not_as_reported' | undefined;
    from?: string | undefined;
    to?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  assertCan(ctx.access, 'tasks.read');
  const unitPath = options.unit ? (await readableUnit(ctx, options.unit)).path : undefined;
  const { items, total } = await inspectionsPage(ctx.db, { ...options, scope: scopeOf(ctx), unitPath });
  return { items: items.map(presentInspection), total, page: options.page, pageSize: options.pageSize };
}

function assertWholeTree(ctx: ServiceContext) {
  assertCan(ctx.access, 'tasks.supervise');
  if (!ctx.access.scopePaths.includes('/')) throw new AppError('OUT_OF_SCOPE', { code: '/' });
}

export async function getRules(ctx: ServiceContext) {
  assertCan(ctx.access, 'tasks.read');
  const today = chinaDateOf(ctx.clock.now());
  return { effectiveFrom: today, ...(await rulesInForce(ctx.db, today)) };
}

/** The colour and escalation rules are the whole deployment's, dated so that a year is judged by its own. */
export async function setRules(ctx: ServiceContext, options: SupervisionRules & { effectiveFrom: string }) {
  assertWholeTree(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await upsertRuleSet(tx, options);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'supervision.rules_set',
        entity: 'supervision_rule_set',
        entityId: options.effectiveFrom,
        after: options,
      },
      now,
    );
  });
  return options;
}

/** Runs the pass now, whatever the schedule; it is idempotent, so this only brings colours up to date. */
export async function runPassNow(ctx: ServiceContext) {
  assertCan(ctx.access, 'tasks.supervise');
  return runSupervisionPass(ctx.db, ctx.clock.now(), ctx.actor);
}

export async function listPassRuns(ctx: ServiceContext) {
  assertCan(ctx.access, 'tasks.supervise');
  return (await schedulerRuns(ctx.db, 'supervision.pass', 30)).map((row) => ({
    id: row.id,
    slot: row.slot,
    status: row.status,
    result: row.result,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  }));
}
