import type { z } from 'zod';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, authorize, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import type { Permission } from '../auth/permissions.ts';
import { resolveUnits, type UnitRef } from '../tasks/service.ts';
import { rulesScheme } from './inputs.ts';
import { findScheme, insertScheme, listSchemeRows, type SchemeRow, unitsById, updateScheme } from './queries.ts';
import { schemeWorth, validateScheme } from './rules/scheme.ts';
import type { createSchemeBody, SchemeDefinition, SchemeItemInput } from './schema.ts';

export function definitionOf(row: SchemeRow): SchemeDefinition {
  return row.definition as SchemeDefinition;
}

/** The scheme if the caller may act on it with the permission: its owner unit must be in scope. */
export async function schemeFor(ctx: ServiceContext, id: string, permission: Permission, forUpdate = false) {
  assertCan(ctx.access, permission);
  const row = await findScheme(ctx.db, id, forUpdate);
  if (!row) throw new AppError('SCHEME_NOT_FOUND', { id });
  const ownerInScope = pathInScope(ctx.access, row.unit_path);
  // Assessed units may read the scheme they are assessed under, and apply against it.
  const readsAsAssessed = permission !== 'assessment.manage' && (await assessedInScope(ctx, row)).length > 0;
  if (!ownerInScope && !readsAsAssessed) throw new AppError('SCHEME_NOT_FOUND', { id });
  return row;
}

export async function assessedInScope(ctx: ServiceContext, row: SchemeRow) {
  return (await unitsById(ctx.db, row.assessed_unit_ids)).filter((unit) => pathInScope(ctx.access, unit.path));
}

/** An assessed unit of the scheme, by code, that the caller may act for. */
export async function assessedUnit(
  ctx: ServiceContext,
  row: SchemeRow,
  code: string,
  permission: Permission,
): Promise<UnitRef> {
  const { unit } = await resolveUnits(ctx.db, { unit: code });
  const found = unit as UnitRef;
  if (!row.assessed_unit_ids.includes(found.id)) throw new AppError('UNIT_NOT_ASSESSED', { code });
  authorize(ctx.access, permission, found);
  return found;
}

export function itemOf(row: SchemeRow, itemCode: string, kind: SchemeItemInput['kind']): SchemeItemInput {
  const item = definitionOf(row)
    .categories.flatMap((category) => category.items)
    .find((candidate) => candidate.code === itemCode && candidate.kind === kind);
  if (!item) throw new AppError('SCHEME_ITEM_UNKNOWN', { item: itemCode, kind });
  return item;
}

function assertValid(code: string, definition: SchemeDefinition) {
  const problems = validateScheme(rulesScheme(code, definition));
  if (problems.length === 0) return;
  throw new AppError(
    'SCHEME_INVALID',
    { summary: problems.map((p) => p.code).join(', ') },
    problems.map((problem) => ({ field: 'definition', code: problem.code, message: JSON.stringify(problem) })),
  );
}

async function assessedUnitIds(ctx: ServiceContext, codes: readonly string[]): Promise<number[]> {
  const units = await resolveUnits(ctx.db, Object.fromEntries(codes.map((code, i) => [`assessedUnits.${i}`, code])));
  return [...new Set(Object.values(units).map((unit) => unit.id))];
}

export async function presentScheme(ctx: ServiceContext, row: SchemeRow) {
  const definition = definitionOf(row);
  const units = await unitsById(ctx.db, row.assessed_unit_ids);
  return {
    id: row.id,
    code: row.code,
    year: row.year,
    name: row.name,
    ownerUnit: { code: row.unit_code, name: row.unit_name },
    assessedUnits: units.map((u) => ({ code: u.code, name: u.name })),
    definition,
    worth: schemeWorth(rulesScheme(row.code, definition)),
    version: row.version,
  };
}

export async function createScheme(ctx: ServiceContext, input: z.infer<typeof createSchemeBody>) {
  assertCan(ctx.access, 'assessment.manage');
  const { owner } = await resolveUnits(ctx.db, { owner: input.ownerUnit });
  authorize(ctx.access, 'assessment.manage', owner as UnitRef);
  assertValid(input.code, input.definition);
  const unitIds = await assessedUnitIds(ctx, input.assessedUnits);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute(async (tx) => {
    const created = await insertScheme(tx, {
      unitId: (owner as UnitRef).id,
      code: input.code,
      year: input.year,
      name: input.name,
      definition: input.definition,
      unitIds,
    });
    if (!created) throw new AppError('SCHEME_CODE_TAKEN', { code: input.code });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'assessment.scheme_created',
        entity: 'assessment_scheme',
        entityId: created.id,
        unitPath: (owner as UnitRef).path,
        after: input,
      },
      now,
    );
    return created.id;
  });
  return getScheme(ctx, { id });
}

export async function editScheme(
  ctx: ServiceContext,
  input: {
    id: string;
    version: number;
    year: number;
    name: string;
    assessedUnits: string[];
    definition: SchemeDefinition;
  },
) {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await schemeFor({ ...ctx, db: tx }, input.id, 'assessment.manage', true);
    if (row.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: row.version });
    assertValid(row.code, input.definition);
    const unitIds = await assessedUnitIds(ctx, input.assessedUnits);
    await updateScheme(tx, row.id, { year: input.year, name: input.name, definition: input.definition, unitIds });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'assessment.scheme_edited',
        entity: 'assessment_scheme',
        entityId: row.id,
        unitPath: row.unit_path,
        before: { definition: row.definition, version: row.version },
        after: { ...input, version: row.version + 1 },
      },
      ctx.clock.now(),
    );
  });
  return getScheme(ctx, { id: input.id });
}

export async function getScheme(ctx: ServiceContext, options: { id: string }) {
  return presentScheme(ctx, await schemeFor(ctx, options.id, 'assessment.read'));
}

export async function listSchemes(ctx: ServiceContext) {
  assertCan(ctx.access, 'assessment.read');
  const scope = ctx.access.scopePaths.includes('/') ? null : ctx.access.scopePaths;
  const rows = await listSchemeRows(ctx.db, scope);
  return Promise.all(rows.map((row) => getScheme(ctx, { id: row.id })));
}
