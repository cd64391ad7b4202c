import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { codeOfPath } from './engine.ts';
import {
  approvalsUnder,
  indicatorByCode,
  insertApproval,
  insertException,
  pathAt,
  unitByCode,
  unitNamesAt,
  unitsAtLevel,
  valueCountsByChild,
} from './queries.ts';
import { period as parsePeriod, periodEnd } from './rules/periods.ts';

async function approvableUnit(ctx: ServiceContext, code: string, permission: 'indicators.read' | 'indicators.approve') {
  const unit = await unitByCode(ctx.db, normalizeUnitCode(code));
  if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code });
  authorize(ctx.access, permission, unit);
  return unit;
}

/**
 * Approval status of a unit and of each of its sub-units for a period: the approver's checklist. Approval
 * goes bottom-up: a township approves its villages, the county its townships, the city its counties.
 */
export async function getApprovals(ctx: ServiceContext, options: { unit: string; period: string }) {
  const unit = await approvableUnit(ctx, options.unit, 'indicators.read');
  const day = periodEnd(parsePeriod(options.period));
  const basePath = await pathAt(ctx.db, unit.id, day);
  const [counts, approvals, children] = await Promise.all([
    valueCountsByChild(ctx.db, { period: options.period, path: basePath }),
    approvalsUnder(ctx.db, { period: options.period, path: basePath }),
    unitsAtLevel(ctx.db, { path: unit.path, level: (unit.level ?? 4) + 1, day }),
  ]);
  const names = await unitNamesAt(ctx.db, [unit.code, ...children.map((c) => c.code)], day);
  const status = (code: string, path: string, level: number | null) => {
    const approval = approvals.find((a) => codeOfPath(a.path_at) === code);
    const hasData = path === basePath ? counts.length > 0 : counts.some((c) => codeOfPath(c.child) === code);
    return {
      unit: code,
      unitName: names.get(code) ?? code,
      level,
      hasData,
      approved: approval !== undefined,
      approvedAt: approval ? new Date(approval.approved_at).toISOString() : null,
      approvedBy: approval?.username ?? null,
    };
  };
  return {
    self: status(unit.code, basePath, unit.level),
    children: children.map((c) => status(c.code, `${basePath}${c.code}/`, c.level)),
  };
}

/**
 * Approves a unit's data for a period, which locks every value of that period in its subtree. Only a unit
 * above may approve (no one approves their own figures), and only once every sub-unit with data is approved.
 */
export async function approveUnit(ctx: ServiceContext, options: { unit: string; period: string }) {
  const unit = await approvableUnit(ctx, options.unit, 'indicators.approve');
  if (!ctx.access.scopePaths.some((scope) => unit.path.startsWith(scope) && unit.path !== scope)) {
    throw new AppError('INDICATOR_APPROVAL_NEEDS_HIGHER_LEVEL', { code: unit.code });
  }
  const basePath = await pathAt(ctx.db, unit.id, periodEnd(parsePeriod(options.period)));
  await ctx.db.transaction().execute(async (tx) => {
    const [counts, approvals] = await Promise.all([
      valueCountsByChild(tx, { period: options.period, path: basePath }),
      approvalsUnder(tx, { period: options.period, path: basePath }),
    ]);
    if (approvals.some((a) => a.path_at === basePath)) {
      throw new AppError('INDICATOR_ALREADY_APPROVED', { code: unit.code, period: options.period });
    }
    if (counts.length === 0)
      throw new AppError('INDICATOR_APPROVAL_NOTHING', { code: unit.code, period: options.period });
    const approved = new Set(approvals.map((a) => a.path_at));
    // Values entered at this very unit have no sub-unit to wait for.
    const pending = counts.filter(
      (c) => c.child !== basePath && c.child.length === basePath.length + 13 && !approved.has(c.child),
    );
    if (pending.length > 0) {
      throw new AppError('INDICATOR_APPROVAL_CHILDREN_PENDING', {
        count: pending.length,
        units: pending
          .slice(0, 5)
          .map((c) => codeOfPath(c.child))
          .join(', '),
      });
    }
    await insertApproval(tx, {
      period: options.period,
      unit_id: unit.id,
      path_at: basePath,
      approved_by: ctx.actor.userId,
      approved_at: ctx.clock.now(),
    });
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'indicator.approved',
        entity: 'indicator_approval',
        entityId: `${unit.code}@${options.period}`,
        unitPath: unit.path,
        after: { unit: unit.code, period: options.period, values: counts.reduce((n, c) => n + c.values, 0) },
      },
      ctx.clock.now(),
    );
  });
  return getApprovals(ctx, options);
}

/** Reopens entry after the window closed, for a subtree and period, until a set time (audited). */
export async function grantEntryException(
  ctx: ServiceContext,
  options: { unit: string; period: string; indicator: string | null; reason: string; expiresAt: string },
) {
  const unit = await approvableUnit(ctx, options.unit, 'indicators.approve');
  const indicator = options.indicator === null ? null : await indicatorByCode(ctx.db, options.indicator);
  if (options.indicator !== null && !indicator) throw new AppError('INDICATOR_NOT_FOUND', { code: options.indicator });
  return ctx.db.transaction().execute(async (tx) => {
    const { id } = await insertException(tx, {
      indicator_id: indicator?.id ?? null,
      unit_id: unit.id,
      path: unit.path,
      period: options.period,
      reason: options.reason,
      expires_at: options.expiresAt,
      granted_by: ctx.actor.userId,
      granted_at: ctx.clock.now(),
    });
    const exception = {
      id,
      unit: unit.code,
      period: options.period,
      indicator: options.indicator,
      reason: options.reason,
      expiresAt: new Date(options.expiresAt).toISOString(),
    };
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'indicator.entry_exception_granted',
        entity: 'indicator_entry_exception',
        entityId: id,
        unitPath: unit.path,
        after: exception,
      },
      ctx.clock.now(),
    );
    return exception;
  });
}
