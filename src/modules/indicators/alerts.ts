import type { Tx } from '../../platform/database.ts';
import type { IndicatorRow } from '../../platform/db-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { insertNotifications, type NewNotification } from '../notifications/queries.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { evaluateCell } from './analytics.ts';
import { codeOfPath } from './engine.ts';
import { numberOrNull } from './presenter.ts';
import { alertsUnder, insertAlert, unitByCode, unitsByPaths } from './queries.ts';
import { crossing } from './rules/attainment.ts';
import { dependentsOf } from './rules/formulas.ts';
import { period as parsePeriod, previousPeriod } from './rules/periods.ts';

/** Where values just changed: an indicator, a period and a city or county path above the values. */
export type ChangedCell = { indicator_id: number; period: string; path: string };

/**
 * After values change (inside the same transaction): every indicator with an alert line that depends on
 * them, at the cities and counties above them, is compared with the previous period; a crossing is stored
 * once per indicator, unit and period ("structural breakthrough") and delivered to that unit's notifications
 * inbox. Returns how many new crossings were stored. Watched at levels 2–3 only, where leaders read them;
 * villages crossing lines one by one would bury the signal.
 */
export async function raiseAlerts(
  tx: Tx,
  ctx: ServiceContext,
  definitions: ReadonlyMap<string, IndicatorRow>,
  cells: readonly ChangedCell[],
) {
  const watched = [...definitions.values()].filter((d) => d.alert_line !== null);
  if (watched.length === 0 || cells.length === 0) return 0;
  const byId = new Map([...definitions.values()].map((d) => [d.id, d]));
  const shapes = [...definitions.values()].map((d) => ({
    code: d.code,
    numeratorCode: d.numerator_code,
    denominatorCode: d.denominator_code,
  }));
  const targets = new Map<string, { indicator: IndicatorRow; period: string; path: string }>();
  for (const cell of cells) {
    const changed = byId.get(cell.indicator_id);
    if (!changed) continue;
    for (const code of [changed.code, ...dependentsOf(changed.code, shapes)]) {
      const indicator = definitions.get(code);
      if (!indicator || indicator.alert_line === null || indicator.period_type !== changed.period_type) continue;
      targets.set(`${code}|${cell.period}|${cell.path}`, { indicator, period: cell.period, path: cell.path });
    }
  }
  const units = new Map(
    (await unitsByPaths(tx, [...new Set([...targets.values()].map((t) => codeOfPath(t.path)))])).map((u) => [
      u.code,
      u,
    ]),
  );
  const notices: NewNotification[] = [];
  for (const { indicator, period, path } of targets.values()) {
    const unit = units.get(codeOfPath(path));
    if (!unit || unit.level === null) continue;
    const place = { ...unit, level: unit.level };
    const p = parsePeriod(period);
    const [now, before] = await Promise.all([
      evaluateCell(tx, definitions, indicator, place, p),
      evaluateCell(tx, definitions, indicator, place, previousPeriod(p)),
    ]);
    const line = Number(indicator.alert_line);
    const crossed = crossing(before.value, now.value, line);
    if (crossed === null || now.value === null) continue;
    const alert = await insertAlert(tx, {
      indicator_id: indicator.id,
      unit_id: unit.id,
      path: unit.path,
      period,
      line,
      previous_value: before.value,
      value: now.value,
      crossed,
      raised_at: ctx.clock.now(),
    });
    if (!alert) continue;
    notices.push({
      unitId: unit.id,
      unitPath: unit.path,
      kind: `indicator_crossed_${crossed}`,
      taskId: null,
      title: alertTitle({ indicator, period, previous: before.value, value: now.value, line, crossed }),
      body: indicator.code,
      sourceKey: `indicator-alert:${alert.id}`,
      at: ctx.clock.now(),
    });
  }
  // The inbox reaches every account whose scope covers the unit, so the city above a county sees it too.
  await insertNotifications(tx, notices);
  return notices.length;
}

/**
 * A notification is stored once for readers of either language, so its title carries both names of the
 * indicator and only figures besides; the words ("crossed its alert line") come from the translated kind, and
 * the unit is shown from the notification's own unit.
 */
function alertTitle(alert: {
  indicator: IndicatorRow;
  period: string;
  previous: number | null;
  value: number;
  line: number;
  crossed: 'up' | 'down';
}) {
  const figure = (n: number | null) => (n === null ? '–' : String(Number(n.toFixed(2))));
  const comparison = alert.crossed === 'up' ? '≥' : '<';
  const names = `${alert.indicator.name_zh} / ${alert.indicator.name_en}`;
  return `${names} · ${alert.period} · ${figure(alert.previous)} → ${figure(alert.value)} (${comparison} ${figure(alert.line)})`;
}

export async function listAlerts(ctx: ServiceContext, options: { unit: string; limit: number }) {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(options.unit));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.unit });
  authorize(ctx.access, 'indicators.read', unit);
  const rows = await alertsUnder(ctx.db, { path: unit.path, limit: options.limit });
  return rows.map((r) => ({
    id: r.id,
    indicator: r.indicator,
    indicatorName: ctx.locale === 'en' ? r.name_en : r.name_zh,
    unit: r.unit,
    unitName: r.unit_name,
    period: r.period,
    line: Number(r.line),
    previousValue: numberOrNull(r.previous_value),
    value: Number(r.value),
    crossed: r.crossed,
    raisedAt: new Date(r.raised_at).toISOString(),
  }));
}
