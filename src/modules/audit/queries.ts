import { sql } from 'kysely';
import type { AuditRecordFields } from '../../platform/audit.ts';
import type { Executor } from '../../platform/database.ts';

export type AuditFilter = {
  actor?: string;
  unitPath?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeId?: string;
  limit: number;
  scopePaths: readonly string[];
};

export function searchAudit(db: Executor, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.actor) query = query.where('actor_name', '=', filter.actor);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('at', '<', new Date(filter.to));
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  if (filter.unitPath) query = query.where('unit_path', 'like', `${filter.unitPath}%`);
  if (!filter.scopePaths.includes('/')) {
    query = query.where(sql<boolean>`unit_path like any(${sql.val(filter.scopePaths.map((p) => `${p}%`))})`);
  }
  return query.execute();
}
export type AuditRow = Awaited<ReturnType<typeof searchAudit>>[number];

export function auditBatch(db: Executor, afterId: string | null, size: number) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id').limit(size);
  if (afterId !== null) query = query.where('id', '>', afterId);
  return query.execute();
}

export function chainHead(db: Executor) {
  return db.selectFrom('audit_chain_head').select(['last_id', 'last_hash']).executeTakeFirstOrThrow();
}

/** The hashed fields of a stored record, exactly as they were when it was appended. */
export function recordFields(row: AuditRow): AuditRecordFields {
  return {
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    unitPath: row.unit_path,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    clientIp: row.client_ip,
  };
}
