import type { z } from 'zod';
import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { filesOf, linkFiles, missingFiles } from '../files/queries.ts';
import { unitRefsByIds } from '../tasks/queries.ts';
import { resolveUnits, type UnitRef } from '../tasks/service.ts';
import {
  decisionExists,
  decisionOutcomes,
  type DecisionRow,
  decisions,
  insertDecision,
  insertNode,
  insertPlan,
  type NodeRow,
  nodeForUpdate,
  nodesOf,
  type NodeValues,
  type PlanRow,
  plans,
  updateNode,
} from './queries.ts';
import type { createDecisionBody, createNodeBody, createPlanBody, PlanNodeDto } from './schema.ts';

function scopeOf(ctx: ServiceContext): string[] | null {
  return ctx.access.scopePaths.includes('/') ? null : [...ctx.access.scopePaths];
}

async function unitFor(ctx: ServiceContext, code: string, permission: 'plans.read' | 'plans.manage'): Promise<UnitRef> {
  const { unit } = await resolveUnits(ctx.db, { unit: code });
  authorize(ctx.access, permission, unit as UnitRef);
  return unit as UnitRef;
}

async function assertDecision(tx: Tx, id: string | undefined) {
  if (id && !(await decisionExists(tx, id))) throw new AppError('DECISION_NOT_FOUND', { id });
}

export async function createDecision(ctx: ServiceContext, input: z.infer<typeof createDecisionBody>) {
  assertCan(ctx.access, 'plans.manage');
  const unit = await unitFor(ctx, input.unit, 'plans.manage');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const missing = await missingFiles(
      tx,
      input.files.map((f) => f.sha256),
    );
    if (missing[0]) throw new AppError('FILE_NOT_FOUND', { sha256: missing[0] });
    const created = await insertDecision(tx, { ...input, unitId: unit.id, userId: ctx.actor.userId, at: now });
    await linkFiles(tx, 'decision', created.id, input.files);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'plans.decision_recorded',
        entity: 'decision',
        entityId: created.id,
        unitPath: unit.path,
        after: input,
      },
      now,
    );
    return created.id;
  });
  return getDecision(ctx, { id });
}

export async function listDecisions(ctx: ServiceContext, options: { unit?: string | undefined }) {
  assertCan(ctx.access, 'plans.read');
  const unitPath = options.unit ? (await unitFor(ctx, options.unit, 'plans.read')).path : undefined;
  return presentDecisions(ctx, await decisions(ctx.db, { scope: scopeOf(ctx), ...(unitPath ? { unitPath } : {}) }));
}

/** A decision with what came of it: the plan nodes it created or amended and the tasks issued from it. */
export async function getDecision(ctx: ServiceContext, options: { id: string }) {
  assertCan(ctx.access, 'plans.read');
  const [decision] = await presentDecisions(ctx, await decisions(ctx.db, { scope: scopeOf(ctx), id: options.id }));
  if (!decision) throw new AppError('DECISION_NOT_FOUND', { id: options.id });
  return decision;
}

/** Presents decisions with their outcomes and files, read for all of them at once. */
async function presentDecisions(ctx: ServiceContext, rows: DecisionRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [[nodes, tasks], files] = await Promise.all([decisionOutcomes(ctx.db, ids), filesOf(ctx.db, 'decision', ids)]);
  return rows.map((row) => ({
    id: row.id,
    unit: { code: row.unit_code, name: row.unit_name },
    kind: row.kind,
    title: row.title,
    decidedOn: row.decided_on,
    body: row.body,
    files: files.filter((f) => f.owner === row.id).map((f) => ({ sha256: f.sha256, name: f.name })),
    planNodes: nodes
      .filter((n) => n.decision_id === row.id)
      .map((n) => ({ id: n.id, planId: n.plan_id, number: n.number, title: n.title })),
    tasks: tasks.filter((t) => t.decision_id === row.id).map((t) => ({ id: t.id, title: t.title, status: t.status })),
  }));
}

export async function createPlan(ctx: ServiceContext, input: z.infer<typeof createPlanBody>) {
  assertCan(ctx.access, 'plans.manage');
  const unit = await unitFor(ctx, input.unit, 'plans.manage');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    await assertDecision(tx, input.decisionId);
    const created = await insertPlan(tx, {
      unitId: unit.id,
      title: input.title,
      framework: input.framework ?? null,
      description: input.description,
      decisionId: input.decisionId ?? null,
      at: now,
    });
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'plans.plan_created', entity: 'plan', entityId: created.id, unitPath: unit.path, after: input },
      now,
    );
    return created.id;
  });
  return getPlan(ctx, { id });
}

function presentSummary(row: PlanRow) {
  return {
    id: row.id,
    unit: { code: row.unit_code, name: row.unit_name },
    title: row.title,
    framework: row.framework,
    description: row.description,
    decisionId: row.decision_id,
    version: row.version,
  };
}

export async function listPlans(ctx: ServiceContext, options: { unit?: string | undefined }) {
  assertCan(ctx.access, 'plans.read');
  const unitPath = options.unit ? (await unitFor(ctx, options.unit, 'plans.read')).path : undefined;
  return (await plans(ctx.db, { scope: scopeOf(ctx), ...(unitPath ? { unitPath } : {}) })).map(presentSummary);
}

async function readablePlan(ctx: ServiceContext, id: string, permission: 'plans.read' | 'plans.manage') {
  assertCan(ctx.access, permission);
  const [row] = await plans(ctx.db, { scope: scopeOf(ctx), id });
  if (!row) throw new AppError('PLAN_NOT_FOUND', { id });
  return row;
}

/** The plan with its whole tree, any depth, children in the order they were added. */
export async function getPlan(ctx: ServiceContext, options: { id: string }) {
  const row = await readablePlan(ctx, options.id, 'plans.read');
  const nodes = await nodesOf(ctx.db, row.id);
  const units = new Map(
    (await unitRefsByIds(ctx.db, [...new Set(nodes.flatMap((n) => n.owner_unit_ids))])).map((u) => [u.id, u]),
  );
  const present = (node: NodeRow): PlanNodeDto => ({
    id: node.id,
    parentId: node.parent_id,
    number: node.number,
    title: node.title,
    description: node.description,
    ownerUnits: node.owner_unit_ids.flatMap((id) => {
      const unit = units.get(id);
      return unit ? [{ code: unit.code, name: unit.name }] : [];
    }),
    indicatorCodes: node.indicator_codes,
    yearlyTargets: node.yearly_targets as Record<string, string>,
    decisionId: node.decision_id,
    taskCount: node.task_count,
    version: node.version,
    children: nodes.filter((child) => child.parent_id === node.id).map(present),
  });
  return { ...presentSummary(row), nodes: nodes.filter((n) => n.parent_id === null).map(present) };
}

async function nodeValues(ctx: ServiceContext, input: z.infer<typeof createNodeBody>): Promise<NodeValues> {
  const owners = await resolveUnits(
    ctx.db,
    Object.fromEntries(input.ownerUnits.map((code, i) => [`ownerUnits.${i}`, code])),
  );
  return {
    number: input.number,
    title: input.title,
    description: input.description,
    ownerUnitIds: Object.values(owners).map((u) => u.id),
    indicatorCodes: input.indicatorCodes,
    yearlyTargets: input.yearlyTargets,
    decisionId: input.decisionId ?? null,
  };
}

export async function addNode(ctx: ServiceContext, input: z.infer<typeof createNodeBody> & { planId: string }) {
  const plan = await readablePlan(ctx, input.planId, 'plans.manage');
  const values = await nodeValues(ctx, input);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    await assertDecision(tx, input.decisionId);
    if (input.parentId && !(await nodesOf(tx, plan.id)).some((n) => n.id === input.parentId)) {
      throw new AppError('PLAN_NODE_NOT_FOUND', { id: input.parentId });
    }
    const created = await insertNode(tx, plan.id, input.parentId ?? null, values);
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'plans.node_added', entity: 'plan_node', entityId: created.id, unitPath: plan.unit_path, after: input },
      now,
    );
  });
  return getPlan(ctx, { id: plan.id });
}

/**
 * Amends a node, usually by a later decision (named in `decisionId`; omitted, the node keeps the decision it has);
 * the version guards concurrent edits.
 */
export async function amendNode(
  ctx: ServiceContext,
  input: z.infer<typeof createNodeBody> & { id: string; version: number },
) {
  const values = await nodeValues(ctx, input);
  const now = ctx.clock.now();
  const planId = await ctx.db.transaction().execute(async (tx) => {
    const node = await nodeForUpdate(tx, input.id);
    if (!node) throw new AppError('PLAN_NODE_NOT_FOUND', { id: input.id });
    const plan = await readablePlan(ctx, node.plan_id, 'plans.manage').catch(() => {
      throw new AppError('PLAN_NODE_NOT_FOUND', { id: input.id });
    });
    if (node.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: node.version });
    await assertDecision(tx, input.decisionId);
    // An edit without a decision (a typo fixed) keeps the node's provenance rather than erasing it.
    await updateNode(tx, node.id, { ...values, decisionId: input.decisionId ?? node.decision_id });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'plans.node_amended',
        entity: 'plan_node',
        entityId: node.id,
        unitPath: plan.unit_path,
        before: { title: node.title, version: node.version },
        after: input,
      },
      now,
    );
    return plan.id;
  });
  return getPlan(ctx, { id: planId });
}
