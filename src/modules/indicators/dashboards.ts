import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { dashboardFor, unitByCode, upsertDashboard } from './queries.ts';

export type Widget = {
  type: 'kpi' | 'trend' | 'ranking' | 'composition' | 'map';
  indicator: string;
  level?: number;
  unit?: string;
  period?: string;
  title?: string;
};

/** What a unit shows before anyone configured it: the headline indicators of the demo, when defined. */
export const defaultWidgets: Widget[] = [
  { type: 'kpi', indicator: 'economy.gdp' },
  { type: 'kpi', indicator: 'health.rural_insurance_rate' },
  { type: 'kpi', indicator: 'industry.non_coal_share' },
  { type: 'trend', indicator: 'economy.gdp' },
  { type: 'map', indicator: 'economy.gdp', level: 3 },
  { type: 'ranking', indicator: 'economy.gdp', level: 3 },
  { type: 'composition', indicator: 'economy.gdp', level: 3 },
];

async function unitFor(ctx: ServiceContext, code: string, permission: 'indicators.read' | 'dashboards.manage') {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(code));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, permission, unit);
  return unit;
}

/**
 * The dashboard configured for the caller's role (or, for whoever configures dashboards, another role) at a
 * unit, or the default one.
 */
export async function getDashboard(ctx: ServiceContext, options: { unit: string; role?: string }) {
  const role = options.role ?? ctx.access.role;
  const unit = await unitFor(ctx, options.unit, role === ctx.access.role ? 'indicators.read' : 'dashboards.manage');
  const row = await dashboardFor(ctx.db, { role, unitId: unit.id });
  return {
    role,
    unit: unit.code,
    widgets: row ? (row.widgets as Widget[]) : defaultWidgets,
    version: row?.version ?? null,
  };
}

export async function putDashboard(
  ctx: ServiceContext,
  options: { role: string; unit: string; widgets: Widget[]; version?: number },
) {
  const unit = await unitFor(ctx, options.unit, 'dashboards.manage');
  return ctx.db.transaction().execute(async (tx) => {
    const existing = await dashboardFor(tx, { role: options.role, unitId: unit.id });
    if ((existing?.version ?? undefined) !== options.version) {
      throw new AppError('VERSION_CONFLICT', { current: existing?.version ?? 0 });
    }
    const row = await upsertDashboard(tx, {
      role: options.role,
      unit_id: unit.id,
      widgets: JSON.stringify(options.widgets),
      updated_by: ctx.actor.userId,
      updated_at: ctx.clock.now(),
    });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'dashboard.saved',
        entity: 'dashboard',
        entityId: `${options.role}@${unit.code}`,
        unitPath: unit.path,
        before: existing ? existing.widgets : null,
        after: options.widgets,
      },
      ctx.clock.now(),
    );
    return { role: row.role, unit: unit.code, widgets: row.widgets as Widget[], version: row.version };
  });
}
