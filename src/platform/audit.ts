import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from './database.ts';

/** Who did it and from where: carried from the request (or the CLI) into every audit record. */
export type AuditActor = {
  userId: number | null;
  username: string | null;
  requestId: string | null;
  clientIp: string | null;
};

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** Org path of the unit the record concerns, so auditors can filter by their subtree. */
  unitPath?: string | null;
  before?: unknown;
  after?: unknown;
};

export type AuditRecordFields = {
  at: Date;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  unitPath: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientIp: string | null;
};

export const GENESIS_HASH = 'genesis';

/** Stable serialisation: keys sorted at every depth, so the hash survives jsonb's own key ordering. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function auditHash(prevHash: string, record: AuditRecordFields): string {
  const body = canonicalJson({ ...record, at: record.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Dates become ISO strings and undefined disappears, exactly as jsonb will hand the value back. */
function toStoredJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends one record inside the caller's transaction. Locking the chain head serialises writers, so the
 * chain has one order; the lock is held until commit, which is why callers append last.
 */
export async function appendAudit(tx: Tx, actor: AuditActor, entry: AuditEntry, at = new Date()): Promise<void> {
  const head = await sql<{ last_hash: string }>`select last_hash from audit_chain_head for update`.execute(tx);
  const prevHash = head.rows[0]?.last_hash ?? GENESIS_HASH;
  const record: AuditRecordFields = {
    at,
    actorId: actor.userId,
    actorName: actor.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    unitPath: entry.unitPath ?? null,
    before: toStoredJson(entry.before),
    after: toStoredJson(entry.after),
    requestId: actor.requestId,
    clientIp: actor.clientIp,
  };
  const hash = auditHash(prevHash, record);
  const inserted = await tx
    .insertInto('audit_log')
    .values({
      at: record.at,
      actor_id: record.actorId,
      actor_name: record.actorName,
      action: record.action,
      entity: record.entity,
      entity_id: record.entityId,
      unit_path: record.unitPath,
      before: JSON.stringify(record.before),
      after: JSON.stringify(record.after),
      request_id: record.requestId,
      client_ip: record.clientIp,
      prev_hash: prevHash,
      hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.updateTable('audit_chain_head').set({ last_id: inserted.id, last_hash: hash }).execute();
}
