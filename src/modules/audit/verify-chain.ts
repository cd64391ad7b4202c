import { auditHash, GENESIS_HASH } from '../../platform/audit.ts';
import type { Executor } from '../../platform/database.ts';
import { type AuditRow, auditBatch, chainHead, recordFields } from './queries.ts';

export type ChainVerdict =
  | { ok: true; checked: number }
  | {
      ok: false;
      checked: number;
      badRecordId: string | null;
      reason: 'edited' | 'deleted_or_reordered' | 'tail_deleted';
    };

const BATCH = 5_000;

/**
 * Walks the whole chain in id order. An edited record no longer hashes to its stored hash; a deleted one
 * breaks the next record's link to its predecessor; a deleted tail no longer matches the chain head.
 *
 * The walk and the final look at the head run in one snapshot (a read-only repeatable-read transaction):
 * otherwise a record appended meanwhile moves the head past the rows already read, which looks exactly
 * like a deleted tail.
 */
export async function verifyAuditChain(db: Executor, onProgress?: (checked: number) => void): Promise<ChainVerdict> {
  if (db.isTransaction) return walkChain(db, onProgress);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((tx) => walkChain(tx, onProgress));
}

async function walkChain(db: Executor, onProgress?: (checked: number) => void): Promise<ChainVerdict> {
  let previous = GENESIS_HASH;
  let lastId: string | null = null;
  let checked = 0;
  for (;;) {
    const rows: AuditRow[] = await auditBatch(db, lastId, BATCH);
    for (const row of rows) {
      if (row.prev_hash !== previous)
        return { ok: false, checked, badRecordId: row.id, reason: 'deleted_or_reordered' };
      const recomputed = auditHash(row.prev_hash, recordFields(row));
      if (recomputed !== row.hash) return { ok: false, checked, badRecordId: row.id, reason: 'edited' };
      previous = row.hash;
      lastId = row.id;
      checked += 1;
    }
    onProgress?.(checked);
    if (rows.length < BATCH) break;
  }
  const head = await chainHead(db);
  if (head.last_hash !== previous || head.last_id !== lastId) {
    return { ok: false, checked, badRecordId: head.last_id, reason: 'tail_deleted' };
  }
  return { ok: true, checked };
}
