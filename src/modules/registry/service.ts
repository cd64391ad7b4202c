import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { STATS_FIRST_YEAR, STATS_LAST_YEAR } from '../../platform/migrations/0003-registry.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import {
  eventsOf,
  householdById,
  type HouseholdFilter,
  incomesOf,
  listHouseholds as queryHouseholds,
  measuresOf,
  membersOf,
  pairingsOf,
  sumStats,
  sumStatsByCause,
  sumStatsByMeasure,
  unitByCode,
} from './queries.ts';
import { pendingClaimsOf } from './duplicate-queries.ts';
import { presentHousehold, presentHouseholdSummary, presentStats, presentStatsBreakdown } from './presenter.ts';

/** The unit by any form of its code, checked against the permission and the caller's scope. */
export async function readableUnit(ctx: ServiceContext, code: string) {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(code));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, 'registry.read', unit);
  return unit;
}

export async function getStats(ctx: ServiceContext, options: { unit: string; year: number }) {
  const unit = await readableUnit(ctx, options.unit);
  const [row] = await sumStats(ctx.db, { path: unit.path, years: [options.year] });
  return presentStats(unit.code, options.year, row);
}

/** The unit's figures at a year's end split by main cause, or its year's assistance split by measure. */
export async function getStatsBreakdown(
  ctx: ServiceContext,
  options: { unit: string; year: number; by: 'cause' | 'measure' },
) {
  const unit = await readableUnit(ctx, options.unit);
  const query = { path: unit.path, year: options.year };
  const rows =
    options.by === 'cause'
      ? { by: 'cause' as const, rows: await sumStatsByCause(ctx.db, query) }
      : { by: 'measure' as const, rows: await sumStatsByMeasure(ctx.db, query) };
  return presentStatsBreakdown(unit.code, options.year, rows);
}

/** Every year's figures for the unit, for the dashboard's trend. */
export async function getTrend(ctx: ServiceContext, options: { unit: string; lastYear: number }) {
  const unit = await readableUnit(ctx, options.unit);
  const years: number[] = [];
  for (let year = STATS_FIRST_YEAR; year <= Math.min(options.lastYear, STATS_LAST_YEAR); year += 1) years.push(year);
  const rows = new Map((await sumStats(ctx.db, { path: unit.path, years })).map((row) => [row.year, row]));
  return years.map((year) => presentStats(unit.code, year, rows.get(year)));
}

/** One household; with `reveal`, ID numbers and phones unmasked — which needs the permission and is audited. */
export async function getHousehold(ctx: ServiceContext, options: { id: string; reveal: boolean }) {
  const row = await householdById(ctx.db, options.id);
  if (!row) throw new AppError('REGISTRY_HOUSEHOLD_NOT_FOUND', { id: options.id });
  authorize(ctx.access, 'registry.read', { code: row.village_code, path: row.village_path });
  if (options.reveal) {
    authorize(ctx.access, 'registry.unmask');
    await ctx.db.transaction().execute((tx) =>
      appendAudit(
        tx,
        ctx.actor,
        {
          action: 'registry.personal_data_revealed',
          entity: 'registry_household',
          entityId: row.id,
          unitPath: row.village_path,
          after: { household: row.number },
        },
        ctx.clock.now(),
      ),
    );
  }
  const [members, incomes, measures, pairings, events, claims] = await Promise.all([
    membersOf(ctx.db, row.id),
    incomesOf(ctx.db, row.id),
    measuresOf(ctx.db, row.id),
    pairingsOf(ctx.db, row.id),
    eventsOf(ctx.db, row.id),
    pendingClaimsOf(ctx.db, row.id),
  ]);
  return presentHousehold(row, { members, incomes, measures, pairings, events, claims }, options.reveal);
}

export async function listHouseholds(
  ctx: ServiceContext,
  options: Omit<HouseholdFilter, 'scopePaths' | 'underPath'> & { unit?: string },
) {
  authorize(ctx.access, 'registry.read');
  const { unit, ...filter } = options;
  const under = unit ? await readableUnit(ctx, unit) : undefined;
  const [rows, total] = await queryHouseholds(ctx.db, {
    ...filter,
    scopePaths: ctx.access.scopePaths,
    underPath: under?.path,
  });
  return { items: rows.map(presentHouseholdSummary), total };
}
