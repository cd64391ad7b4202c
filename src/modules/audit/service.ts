import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { findUnit } from '../org/queries.ts';
import { type AuditFilter, type AuditRow, recordFields, searchAudit } from './queries.ts';
import { verifyAuditChain } from './verify-chain.ts';

function presentRecord(row: AuditRow) {
  return { id: row.id, ...recordFields(row), at: row.at.toISOString(), hash: row.hash };
}

export async function browseAudit(
  ctx: ServiceContext,
  options: Omit<AuditFilter, 'scopePaths' | 'unitPath' | 'beforeId'> & { unit?: string; before?: string },
) {
  let unitPath: string | undefined;
  if (options.unit) {
    const unit = await findUnit(ctx.db, normalizeUnitCode(options.unit));
    if (!unit) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.unit });
    authorize(ctx.access, 'audit.read', unit);
    unitPath = unit.path;
  } else {
    authorize(ctx.access, 'audit.read');
  }
  const rows = await searchAudit(ctx.db, {
    ...options,
    unitPath,
    beforeId: options.before,
    scopePaths: ctx.access.scopePaths,
  });
  return {
    items: rows.map(presentRecord),
    nextCursor: rows.length === options.limit ? (rows.at(-1)?.id ?? null) : null,
  };
}

export async function verifyAudit(ctx: ServiceContext) {
  authorize(ctx.access, 'audit.read');
  return verifyAuditChain(ctx.db);
}
