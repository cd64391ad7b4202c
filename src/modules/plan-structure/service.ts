import type { z } from 'zod';
import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { plans } from '../plans/queries.ts';
import { getPlan } from '../plans/service.ts';
import {
  deleteNode as deleteNodeRow,
  lastPosition,
  nodeForUpdate,
  placeNode,
  shiftFrom,
  subtreeIds,
  taskCountUnder,
} from './queries.ts';
import type { moveNodeBody } from './schema.ts';

/**
 * Reshaping a plan tree: moving a node (with everything under it) to another parent or place, and deleting
 * a node that no task serves. Numbers are the editor's to keep: a moved node keeps its number until amended.
 */

/** The node, locked, in a plan the user may manage, at the version the user saw. */
async function lockedNode(ctx: ServiceContext, tx: Tx, id: string, version: number) {
  assertCan(ctx.access, 'plans.manage');
  const node = await nodeForUpdate(tx, id);
  const scope = ctx.access.scopePaths.includes('/') ? null : [...ctx.access.scopePaths];
  const [plan] = node ? await plans(tx, { scope, id: node.plan_id }) : [];
  if (!node || !plan) throw new AppError('PLAN_NODE_NOT_FOUND', { id });
  if (node.version !== version) throw new AppError('VERSION_CONFLICT', { current: node.version });
  return { node, plan };
}

export async function moveNode(ctx: ServiceContext, input: z.infer<typeof moveNodeBody> & { id: string }) {
  const now = ctx.clock.now();
  const planId = await ctx.db.transaction().execute(async (tx) => {
    const { node, plan } = await lockedNode(ctx, tx, input.id, input.version);
    const inPlan = async (id: string) => {
      const other = await nodeForUpdate(tx, id);
      if (!other || other.plan_id !== node.plan_id) throw new AppError('PLAN_NODE_NOT_FOUND', { id });
      return other;
    };
    if (input.parentId) {
      await inPlan(input.parentId);
      if ((await subtreeIds(tx, node.id)).includes(input.parentId)) {
        throw new AppError('PLAN_NODE_MOVE_INTO_ITSELF', { number: node.number });
      }
    }
    let position = (await lastPosition(tx, node.plan_id)) + 1;
    if (input.beforeId) {
      const before = await inPlan(input.beforeId);
      if (before.parent_id !== input.parentId || before.id === node.id) {
        throw new AppError('PLAN_NODE_NOT_FOUND', { id: input.beforeId });
      }
      await shiftFrom(tx, node.plan_id, before.position);
      position = before.position;
    }
    await placeNode(tx, node.id, { parentId: input.parentId, position });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'plans.node_moved',
        entity: 'plan_node',
        entityId: node.id,
        unitPath: plan.unit_path,
        before: { parentId: node.parent_id, version: node.version },
        after: { parentId: input.parentId, beforeId: input.beforeId },
      },
      now,
    );
    return node.plan_id;
  });
  return getPlan(ctx, { id: planId });
}

export async function deleteNode(ctx: ServiceContext, input: { id: string; version: number }) {
  const now = ctx.clock.now();
  const planId = await ctx.db.transaction().execute(async (tx) => {
    const { node, plan } = await lockedNode(ctx, tx, input.id, input.version);
    const subtree = await subtreeIds(tx, node.id);
    // A task names the node it serves: deleting the node would cut the task loose from its plan.
    const tasks = await taskCountUnder(tx, subtree);
    if (tasks > 0) throw new AppError('PLAN_NODE_HAS_TASKS', { number: node.number, count: tasks });
    await deleteNodeRow(tx, node.id);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'plans.node_deleted',
        entity: 'plan_node',
        entityId: node.id,
        unitPath: plan.unit_path,
        before: { number: node.number, title: node.title, nodes: subtree.length, version: node.version },
      },
      now,
    );
    return node.plan_id;
  });
  return getPlan(ctx, { id: planId });
}
