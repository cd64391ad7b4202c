import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Executor, Tx } from '../../platform/database.ts';
import type { TaskGrantRole } from '../../platform/db-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, authorize, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { insertNotifications } from '../notifications/queries.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { refreshColours } from '../supervision/colour-change.ts';
import { actorRoles, canSeeTask } from './access.ts';
import { decide, stateOf } from './decide.ts';
import { presentListItem, presentTask } from './presenter.ts';
import {
  findTask,
  grantsOf,
  insertGrants,
  insertTask,
  listTasks,
  originOf,
  taskForUpdate,
  type TaskRow,
  unitRefsByCodes,
  updateTask,
} from './queries.ts';
import { validateMilestones } from './rules/milestones.ts';
import {
  availableActions,
  decisionAmendmentRefusal,
  TASK_ACTIONS,
  type TaskAction,
  type TaskStatus,
} from './rules/task-states.ts';
import type { CreateTaskInput, ListTasksQuery } from './schema.ts';

export type UnitRef = { id: number; code: string; name: string; path: string };

/** Resolves unit codes (short or full) to units, naming the field of any unknown one. */
export async function resolveUnits(db: Executor, codes: Record<string, string>): Promise<Record<string, UnitRef>> {
  const full = Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, normalizeUnitCode(code)]));
  const found = new Map((await unitRefsByCodes(db, [...new Set(Object.values(full))])).map((u) => [u.code, u]));
  const resolved: Record<string, UnitRef> = {};
  for (const [field, code] of Object.entries(full)) {
    const unit = found.get(code);
    if (!unit) {
      throw new AppError('ORG_UNIT_NOT_FOUND', { code: codes[field] ?? code }, [
        { field, code: 'ORG_UNIT_NOT_FOUND', message: codes[field] ?? code },
      ]);
    }
    resolved[field] = unit;
  }
  return resolved;
}

export function assertMilestones(milestones: CreateTaskInput['milestones'], startOn: string, deadline: string) {
  const problems = validateMilestones(milestones, startOn, deadline);
  if (problems.length === 0) return;
  throw new AppError(
    'TASK_MILESTONES_INVALID',
    {},
    problems.map((problem) => ({
      field: 'index' in problem ? `milestones.${problem.index}` : 'field' in problem ? problem.field : 'startOn',
      code: problem.code,
      message: problem.code,
    })),
  );
}

export async function createTask(ctx: ServiceContext, input: CreateTaskInput) {
  assertCan(ctx.access, 'tasks.issue');
  const units = await resolveUnits(ctx.db, {
    issuerUnit: input.issuerUnit,
    leadUnit: input.leadUnit,
    supervisingUnit: input.supervisingUnit,
    ...Object.fromEntries(input.cooperatingUnits.map((code, i) => [`cooperatingUnits.${i}`, code])),
  });
  const issuer = units.issuerUnit as UnitRef;
  authorize(ctx.access, 'tasks.issue', issuer);
  const lead = units.leadUnit as UnitRef;
  const supervising = units.supervisingUnit as UnitRef;
  const cooperating = input.cooperatingUnits.map((_, i) => units[`cooperatingUnits.${i}`] as UnitRef);
  const taking = [lead.id, supervising.id, ...cooperating.map((u) => u.id)];
  if (new Set(taking).size !== taking.length) throw new AppError('TASK_UNITS_INVALID');
  assertMilestones(input.milestones, input.startOn, input.deadline);
  const now = ctx.clock.now();
  if (input.issue && input.deadline < chinaDateOf(now)) {
    throw new AppError('TASK_DEADLINE_PASSED', { deadline: input.deadline, action: 'issue' });
  }

  const id = await ctx.db.transaction().execute(async (tx) => {
    await assertOrigin(tx, input);
    const taskId = await insertTask(tx, {
      title: input.title,
      description: input.description,
      plan_node_id: input.planNodeId ?? null,
      decision_id: input.decisionId ?? null,
      issuer_unit_id: issuer.id,
      lead_unit_id: lead.id,
      lead_unit_path: lead.path,
      supervising_unit_id: supervising.id,
      responsible_leader: input.responsibleLeader,
      priority: input.priority,
      report_cadence: input.reportCadence,
      start_on: input.startOn,
      deadline: input.deadline,
      milestones: JSON.stringify(input.milestones),
      status: input.issue ? 'issued' : 'draft',
      reported_percent: 0,
      planned_percent: 0,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    const grant = (unit: UnitRef, role: TaskGrantRole) => ({
      task_id: taskId,
      unit_id: unit.id,
      role,
      unit_path: unit.path,
    });
    await insertGrants(tx, [
      grant(issuer, 'issuer'),
      grant(lead, 'lead'),
      grant(supervising, 'supervisor'),
      ...cooperating.map((unit) => grant(unit, 'cooperating')),
    ]);
    if (input.issue) await notifyIssued(tx, taskId, input.title, [lead, ...cooperating], now);
    await refreshColours(tx, [taskId], now);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: input.issue ? 'task.issued' : 'task.drafted',
        entity: 'task',
        entityId: taskId,
        unitPath: lead.path,
        after: {
          title: input.title,
          lead: lead.code,
          cooperating: cooperating.map((u) => u.code),
          supervising: supervising.code,
          deadline: input.deadline,
          milestones: input.milestones,
        },
      },
      now,
    );
    return taskId;
  });
  return getTask(ctx, { id });
}

async function assertOrigin(tx: Tx, input: { decisionId?: string | undefined; planNodeId?: string | undefined }) {
  const [decision, planNode] = await originOf(tx, {
    decision_id: input.decisionId ?? null,
    plan_node_id: input.planNodeId ?? null,
  });
  if (input.decisionId && !decision) throw new AppError('DECISION_NOT_FOUND', { id: input.decisionId });
  if (input.planNodeId && !planNode) throw new AppError('PLAN_NODE_NOT_FOUND', { id: input.planNodeId });
}

function notifyIssued(tx: Tx, taskId: string, title: string, units: readonly UnitRef[], at: Date) {
  return insertNotifications(
    tx,
    units.map((unit) => ({
      unitId: unit.id,
      unitPath: unit.path,
      kind: 'task_issued',
      taskId,
      title,
      sourceKey: `issued:${taskId}:${unit.id}`,
      at,
    })),
  );
}

/** The task with its grants, if the caller may see it; otherwise it does not exist for them. */
export async function loadVisibleTask(ctx: ServiceContext, db: Executor, id: string, forUpdate = false) {
  assertCan(ctx.access, 'tasks.read');
  const task = forUpdate ? await taskForUpdate(db as Tx, id) : await findTask(db, id);
  if (!task) throw new AppError('TASK_NOT_FOUND', { id });
  const grants = await grantsOf(db, id);
  if (!canSeeTask(ctx.access, grants, task.status)) throw new AppError('TASK_NOT_FOUND', { id });
  return { task, grants, roles: actorRoles(ctx.access, grants) };
}

export function assertVersion(task: TaskRow, version: number) {
  if (task.version !== version) throw new AppError('VERSION_CONFLICT', { current: task.version });
}

export async function getTask(ctx: ServiceContext, options: { id: string }) {
  const { task, grants, roles } = await loadVisibleTask(ctx, ctx.db, options.id);
  const [decision, planNode] = await originOf(ctx.db, task);
  const now = ctx.clock.now();
  const state = stateOf(task);
  const actions = new Set<TaskAction>(roles.flatMap((role) => availableActions(state, role, now)));
  return presentTask(task, {
    grants,
    decision,
    planNode,
    myRoles: roles,
    availableActions: TASK_ACTIONS.filter((action) => actions.has(action)),
  });
}

export async function listTasksFor(ctx: ServiceContext, query: ListTasksQuery) {
  assertCan(ctx.access, 'tasks.read');
  let unitPath: string | undefined;
  if (query.unit) {
    const { unit } = await resolveUnits(ctx.db, { unit: query.unit });
    authorize(ctx.access, 'tasks.read', unit as UnitRef);
    unitPath = (unit as UnitRef).path;
  }
  const scope = ctx.access.scopePaths.includes('/') ? null : [...ctx.access.scopePaths];
  const { items, total } = await listTasks(ctx.db, { ...query, ...(unitPath ? { unitPath } : {}) }, scope);
  return { items: items.map(presentListItem), total, page: query.page, pageSize: query.pageSize };
}

/**
 * A draft's fields can change until it is issued. Afterwards a decision may still amend an open task (see
 * `decisionAmendmentRefusal`): the task then names that decision as its origin.
 */
export async function amendTask(
  ctx: ServiceContext,
  options: {
    id: string;
    version: number;
    title?: string | undefined;
    description?: string | undefined;
    responsibleLeader?: string | undefined;
    priority?: 'high' | 'normal' | 'low' | undefined;
    startOn?: string | undefined;
    deadline?: string | undefined;
    milestones?: CreateTaskInput['milestones'] | undefined;
    decisionId?: string | undefined;
  },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const { task, roles } = await loadVisibleTask(ctx, tx, options.id, true);
    assertVersion(task, options.version);
    const now = ctx.clock.now();
    if (task.status === 'draft' || !options.decisionId) {
      decide(task, 'amend', roles, now, options.deadline ? { newDeadline: options.deadline } : {});
    } else {
      const dates = [options.startOn, options.deadline, options.milestones].some((value) => value !== undefined);
      assertDecisionAmendment(task, decisionAmendmentRefusal(task.status as TaskStatus, roles, { dates }));
    }
    await assertOrigin(tx, { decisionId: options.decisionId });
    const startOn = options.startOn ?? task.start_on;
    const deadline = options.deadline ?? task.deadline;
    const milestones = options.milestones ?? (task.milestones as CreateTaskInput['milestones']);
    assertMilestones(milestones, startOn, deadline);
    const changes = {
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
      ...(options.responsibleLeader !== undefined ? { responsible_leader: options.responsibleLeader } : {}),
      ...(options.priority !== undefined ? { priority: options.priority } : {}),
      ...(options.decisionId !== undefined ? { decision_id: options.decisionId } : {}),
      start_on: startOn,
      deadline,
      milestones: JSON.stringify(milestones),
      updated_at: now,
    };
    await updateTask(tx, task.id, changes);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'task.amended',
        entity: 'task',
        entityId: task.id,
        unitPath: task.lead_unit_path,
        before: {
          title: task.title,
          responsibleLeader: task.responsible_leader,
          priority: task.priority,
          deadline: task.deadline,
          decisionId: task.decision_id,
          version: task.version,
        },
        after: { ...options, version: task.version + 1 },
      },
      now,
    );
  });
  return getTask(ctx, { id: options.id });
}

function assertDecisionAmendment(task: TaskRow, refusal: ReturnType<typeof decisionAmendmentRefusal>) {
  if (refusal === 'final') throw new AppError('TASK_FINAL', { status: task.status });
  if (refusal === 'not_allowed_for_role') throw new AppError('TASK_ACTION_NOT_YOURS', { action: 'amend' });
  if (refusal === 'dates_fixed') throw new AppError('TASK_DATES_FIXED');
}

/** Issue, acknowledge (签收), start, resume, extensions and cancellation: the state machine decides. */
export async function actOnTask(
  ctx: ServiceContext,
  options: {
    id: string;
    action: TaskAction;
    version: number;
    reason?: string | undefined;
    newDeadline?: string | undefined;
  },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const { task, grants, roles } = await loadVisibleTask(ctx, tx, options.id, true);
    assertVersion(task, options.version);
    const now = ctx.clock.now();
    const payload = {
      ...(options.reason !== undefined ? { reason: options.reason } : {}),
      ...(options.newDeadline !== undefined ? { newDeadline: options.newDeadline } : {}),
    };
    const next = decide(task, options.action, roles, now, payload);
    await updateTask(tx, task.id, {
      status: next.status,
      deadline: next.deadline,
      status_before_extension: next.statusBeforeExtension ?? null,
      requested_deadline: options.action === 'request_extension' ? (options.newDeadline ?? null) : null,
      updated_at: now,
    });
    if (options.action === 'issue') {
      const receivers = grants.filter((g) => g.role === 'lead' || g.role === 'cooperating');
      await notifyIssued(
        tx,
        task.id,
        task.title,
        receivers.map((g) => ({ id: g.unit_id, code: g.code, name: g.name, path: g.unit_path })),
        now,
      );
    }
    await refreshColours(tx, [task.id], now);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: `task.${options.action}`,
        entity: 'task',
        entityId: task.id,
        unitPath: task.lead_unit_path,
        before: { status: task.status, deadline: task.deadline, version: task.version },
        after: { status: next.status, deadline: next.deadline, as: next.role, ...payload, version: task.version + 1 },
      },
      now,
    );
  });
  return getTask(ctx, { id: options.id });
}

/** Units of the task in the caller's scope playing a part: which unit a report comes from. */
export function unitActingAs(
  ctx: ServiceContext,
  grants: Awaited<ReturnType<typeof grantsOf>>,
  role: TaskGrantRole,
): number {
  const grant = grants.find((g) => g.role === role && pathInScope(ctx.access, g.unit_path));
  if (!grant) throw new AppError('TASK_ACTION_NOT_YOURS', { action: role });
  return grant.unit_id;
}
