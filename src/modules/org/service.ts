import { appendAudit } from '../../platform/audit.ts';
import type { Tx } from '../../platform/database.ts';
import type { OrgUnitRow } from '../../platform/db-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { childPath, departmentCode, normalizeUnitCode, pathCodes } from './codes.ts';
import { announceUnitMove } from './unit-moves.ts';
import {
  activeChildren,
  ancestorsAsOf,
  childrenOf,
  findUnit,
  findUnitForUpdate,
  historyOf,
  latestChangeDate,
  nextDepartmentSequence,
  rewritePaths,
  rootUnits,
  searchUnits,
  unitsByCodes,
} from './queries.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import { presentChange, presentUnit } from './presenter.ts';

async function readableUnit(ctx: ServiceContext, code: string, asOf?: string) {
  const full = normalizeUnitCode(code);
  const unit = await findUnit(ctx.db, full, asOf);
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, 'org.read', unit);
  return unit;
}

export async function getUnit(ctx: ServiceContext, options: { code: string; asOf?: string }) {
  return presentUnit(await readableUnit(ctx, options.code, options.asOf));
}

export async function listChildren(
  ctx: ServiceContext,
  options: { code: string; asOf?: string; includeEnded: boolean },
) {
  const unit = await readableUnit(ctx, options.code, options.asOf);
  const rows = await childrenOf(ctx.db, unit.id, options);
  return rows.map(presentUnit);
}

/** The path from the top of the caller's scope down to the unit, for breadcrumbs. */
export async function listAncestors(ctx: ServiceContext, options: { code: string; asOf?: string }) {
  const unit = await readableUnit(ctx, options.code, options.asOf);
  const rows = options.asOf
    ? await ancestorsAsOf(ctx.db, unit.id, options.asOf)
    : await unitsByCodes(ctx.db, pathCodes(unit.path));
  return rows.filter((row) => pathInScope(ctx.access, row.path)).map(presentUnit);
}

/** Without a search text: the tops of the caller's scope (provinces for an administrator). */
export async function findUnits(ctx: ServiceContext, options: { q?: string; limit: number }) {
  authorize(ctx.access, 'org.read');
  if (options.q) {
    const rows = await searchUnits(ctx.db, {
      text: options.q,
      scopePaths: ctx.access.scopePaths,
      limit: options.limit,
    });
    return rows.map(presentUnit);
  }
  if (ctx.access.scopePaths.includes('/')) return (await rootUnits(ctx.db)).map(presentUnit);
  const scopeCodes = ctx.access.scopePaths.map((p) => pathCodes(p).at(-1)).filter((c): c is string => c !== undefined);
  return (await unitsByCodes(ctx.db, scopeCodes)).map(presentUnit);
}

export async function getHistory(ctx: ServiceContext, options: { code: string }) {
  const unit = await readableUnit(ctx, options.code);
  return (await historyOf(ctx.db, unit.id)).map(presentChange);
}

/** Locks the unit, checks rights, version and that it may still change on that date. */
async function lockChangeable(
  tx: Tx,
  ctx: ServiceContext,
  options: { code: string; version: number; effectiveOn: string },
): Promise<OrgUnitRow> {
  const code = normalizeUnitCode(options.code);
  const unit = await findUnitForUpdate(tx, code);
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.code });
  authorize(ctx.access, 'org.manage', unit);
  if (unit.version !== options.version) throw new AppError('VERSION_CONFLICT', { current: unit.version });
  if (unit.ended_on) throw new AppError('ORG_UNIT_ENDED', { code: unit.code, date: unit.ended_on });
  await assertEffectiveDate(tx, ctx, unit, options.effectiveOn);
  return unit;
}

async function assertEffectiveDate(tx: Tx, ctx: ServiceContext, unit: OrgUnitRow, effectiveOn: string) {
  const today = chinaDateOf(ctx.clock.now());
  if (effectiveOn > today) {
    throw new AppError('ORG_EFFECTIVE_DATE_IN_FUTURE', {}, [
      { field: 'effectiveOn', code: 'ORG_EFFECTIVE_DATE_IN_FUTURE', message: effectiveOn },
    ]);
  }
  const latest = (await latestChangeDate(tx, unit.id)) ?? unit.established_on;
  if (effectiveOn < latest) {
    throw new AppError('ORG_EFFECTIVE_DATE_TOO_EARLY', { date: latest }, [
      { field: 'effectiveOn', code: 'ORG_EFFECTIVE_DATE_TOO_EARLY', message: latest },
    ]);
  }
}

function bumpVersion(tx: Tx, unitId: number, values: Partial<Omit<OrgUnitRow, 'id' | 'version'>>) {
  return tx
    .updateTable('org_unit')
    .set({ ...values, version: (eb) => eb('version', '+', 1) })
    .where('id', '=', unitId)
    .execute();
}

async function presentCode(ctx: ServiceContext, code: string) {
  const row = await findUnit(ctx.db, code);
  if (!row) throw new Error(`unit ${code} vanished after a committed change`);
  return presentUnit(row);
}

export async function renameUnit(
  ctx: ServiceContext,
  options: { code: string; name: string; effectiveOn: string; reason: string; version: number },
) {
  const code = await ctx.db.transaction().execute(async (tx) => {
    const unit = await lockChangeable(tx, ctx, options);
    await tx
      .insertInto('org_unit_change')
      .values({
        unit_id: unit.id,
        change: 'renamed',
        effective_on: options.effectiveOn,
        reason: options.reason,
        old_name: unit.name,
        new_name: options.name,
        recorded_by: ctx.actor.userId,
      })
      .execute();
    await bumpVersion(tx, unit.id, { name: options.name });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'org.renamed',
        entity: 'org_unit',
        entityId: unit.code,
        unitPath: unit.path,
        before: { name: unit.name, version: unit.version },
        after: {
          name: options.name,
          effectiveOn: options.effectiveOn,
          reason: options.reason,
          version: unit.version + 1,
        },
      },
      ctx.clock.now(),
    );
    return unit.code;
  });
  return presentCode(ctx, code);
}

/**
 * Merges a unit into another of the same kind and level: the unit ends on the date, its active sub-units
 * move to the target from that date, and everything recorded before stays attributed to the unit as it was.
 */
export async function mergeUnit(
  ctx: ServiceContext,
  options: { code: string; intoCode: string; effectiveOn: string; reason: string; version: number },
) {
  const code = await ctx.db.transaction().execute(async (tx) => {
    const unit = await lockChangeable(tx, ctx, options);
    const target = await findUnitForUpdate(tx, normalizeUnitCode(options.intoCode));
    if (!target) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.intoCode });
    authorize(ctx.access, 'org.manage', target);
    if (target.path.startsWith(unit.path)) throw new AppError('ORG_MERGE_CYCLE');
    if (target.ended_on) throw new AppError('ORG_MERGE_TARGET_ENDED', { code: target.code });
    if (target.kind !== unit.kind || target.level !== unit.level) throw new AppError('ORG_MERGE_KIND_MISMATCH');
    await assertEffectiveDate(tx, ctx, target, options.effectiveOn);

    const children = await activeChildren(tx, unit.id);
    for (const child of children) await assertEffectiveDate(tx, ctx, child, options.effectiveOn);
    if (children.length > 0) {
      await tx
        .insertInto('org_unit_change')
        .values(
          children.map((child) => ({
            unit_id: child.id,
            change: 'moved' as const,
            effective_on: options.effectiveOn,
            reason: options.reason,
            old_parent_id: unit.id,
            new_parent_id: target.id,
            recorded_by: ctx.actor.userId,
          })),
        )
        .execute();
      await tx
        .updateTable('org_unit')
        .set({ parent_id: target.id, version: (eb) => eb('version', '+', 1) })
        .where('parent_id', '=', unit.id)
        .where('ended_on', 'is', null)
        .execute();
      for (const child of children) {
        const move = { oldPrefix: child.path, newPrefix: childPath(target.path, child.code) };
        await rewritePaths(tx, move.oldPrefix, move.newPrefix);
        await announceUnitMove(tx, move);
      }
    }
    await tx
      .insertInto('org_unit_change')
      .values({
        unit_id: unit.id,
        change: 'merged',
        effective_on: options.effectiveOn,
        reason: options.reason,
        merged_into_id: target.id,
        recorded_by: ctx.actor.userId,
      })
      .execute();
    await bumpVersion(tx, unit.id, { ended_on: options.effectiveOn, end_kind: 'merged', merged_into_id: target.id });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'org.merged',
        entity: 'org_unit',
        entityId: unit.code,
        unitPath: unit.path,
        before: { name: unit.name, version: unit.version },
        after: {
          mergedInto: target.code,
          effectiveOn: options.effectiveOn,
          reason: options.reason,
          movedChildren: children.map((c) => c.code),
        },
      },
      ctx.clock.now(),
    );
    return unit.code;
  });
  return presentCode(ctx, code);
}

export async function abolishUnit(
  ctx: ServiceContext,
  options: { code: string; effectiveOn: string; reason: string; version: number },
) {
  const code = await ctx.db.transaction().execute(async (tx) => {
    const unit = await lockChangeable(tx, ctx, options);
    const children = await activeChildren(tx, unit.id);
    if (children.length > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN', { count: children.length });
    await tx
      .insertInto('org_unit_change')
      .values({
        unit_id: unit.id,
        change: 'abolished',
        effective_on: options.effectiveOn,
        reason: options.reason,
        recorded_by: ctx.actor.userId,
      })
      .execute();
    await bumpVersion(tx, unit.id, { ended_on: options.effectiveOn, end_kind: 'abolished' });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'org.abolished',
        entity: 'org_unit',
        entityId: unit.code,
        unitPath: unit.path,
        before: { name: unit.name, version: unit.version },
        after: { effectiveOn: options.effectiveOn, reason: options.reason },
      },
      ctx.clock.now(),
    );
    return unit.code;
  });
  return presentCode(ctx, code);
}

export async function createDepartment(
  ctx: ServiceContext,
  options: {
    parentCode: string;
    name: string;
    category: 'department' | 'centre' | 'team';
    establishedOn: string;
    reason: string;
  },
) {
  const code = await ctx.db.transaction().execute(async (tx) => {
    const parent = await findUnitForUpdate(tx, normalizeUnitCode(options.parentCode));
    if (!parent) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.parentCode });
    authorize(ctx.access, 'org.manage', parent);
    if (parent.kind !== 'division') throw new AppError('ORG_PARENT_NOT_DIVISION');
    if (parent.ended_on) throw new AppError('ORG_UNIT_ENDED', { code: parent.code, date: parent.ended_on });
    const today = chinaDateOf(ctx.clock.now());
    if (options.establishedOn > today) throw new AppError('ORG_EFFECTIVE_DATE_IN_FUTURE');
    const newCode = departmentCode(parent.code, await nextDepartmentSequence(tx, parent.code));
    const created = await tx
      .insertInto('org_unit')
      .values({
        code: newCode,
        kind: 'department',
        level: null,
        category: options.category,
        name: options.name,
        parent_id: parent.id,
        path: childPath(parent.path, newCode),
        established_on: options.establishedOn,
      })
      .returning(['id', 'path'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('org_unit_change')
      .values({
        unit_id: created.id,
        change: 'established',
        effective_on: options.establishedOn,
        reason: options.reason,
        new_name: options.name,
        new_parent_id: parent.id,
        recorded_by: ctx.actor.userId,
      })
      .execute();
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'org.department_created',
        entity: 'org_unit',
        entityId: newCode,
        unitPath: created.path,
        after: {
          name: options.name,
          category: options.category,
          parent: parent.code,
          establishedOn: options.establishedOn,
        },
      },
      ctx.clock.now(),
    );
    return newCode;
  });
  return presentCode(ctx, code);
}
