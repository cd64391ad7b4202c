import { sql, type Transaction } from 'kysely';
import { appendAudit } from '../../platform/audit.ts';
import { copyRows, withCopyTransaction } from '../../platform/copy.ts';
import type { Database } from '../../platform/db-schema.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { childPath } from './codes.ts';
import { type DivisionRecord, readDivisions } from './division-source.ts';

export type ImportProgress = { phase: 'reading' | 'planning' | 'copying' | 'done'; done: number; total: number };
export type ImportResult = { prefix: string; read: number; inserted: number; existing: number };

/** A new unit, fully resolved on the client: id reserved from the sequence, parent id and path known. */
export type PlannedUnit = {
  id: number;
  code: string;
  level: number;
  name: string;
  parentId: number | null;
  path: string;
};

/** Streams planned units into `table` (the tree, or a benchmark's copy of it) on the given connection. */
export function copyUnits(
  client: Parameters<typeof copyRows>[0],
  table: string,
  units: readonly PlannedUnit[],
  onRows?: (rows: number) => void,
) {
  const rows = units.map((u) => [u.id, u.code, 'division', u.level, u.name, u.parentId, u.path] as const);
  return copyRows(client, table, ['id', 'code', 'kind', 'level', 'name', 'parent_id', 'path'], rows, onRows);
}

/**
 * Resolves each new record's parent (already in the tree, or earlier in this batch) and path. Records come
 * parents first. A record whose full code equals its parent's (a prefecture-level city without counties,
 * such as Dongguan 4419/441900) is the same unit and is skipped.
 */
export function planUnits(
  records: DivisionRecord[],
  existing: Map<string, { id: number; path: string }>,
  reserveId: () => number,
): PlannedUnit[] {
  const known = new Map(existing);
  const planned: PlannedUnit[] = [];
  for (const record of records) {
    if (known.has(record.code)) continue;
    const parent = record.parentCode === null ? undefined : known.get(record.parentCode);
    const unit: PlannedUnit = {
      id: reserveId(),
      code: record.code,
      level: record.level,
      name: record.name,
      parentId: parent?.id ?? null,
      path: childPath(parent?.path ?? '/', record.code),
    };
    known.set(record.code, unit);
    planned.push(unit);
  }
  return planned;
}

/** Takes `count` consecutive ids from org_unit's sequence; the table lock keeps other writers out meanwhile. */
async function reserveIds(tx: Transaction<Database>, count: number): Promise<number> {
  if (count === 0) return 0;
  const { rows } = await sql<{ first: number }>`
    select setval(pg_get_serial_sequence('org_unit', 'id'), nextval(pg_get_serial_sequence('org_unit', 'id')) + ${count - 1})
      - ${count - 1} as first`.execute(tx);
  return Number(rows[0]?.first);
}

/**
 * Loads the national divisions under a prefix ('14', '1409', '' for all) into the org tree, in one
 * transaction: the tree is either complete or untouched. Idempotent: units already present (perhaps
 * renamed or merged since) are left alone. New rows go in with COPY on the transaction's own connection.
 */
export async function importDivisions(
  ctx: ServiceContext & { connectionString: string },
  options: { prefix: string; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportResult> {
  authorize(ctx.access, 'org.manage');
  if (!/^(\d{2}|\d{4}|\d{6})?$/.test(options.prefix)) {
    throw new AppError('VALIDATION_FAILED', { summary: 'prefix' }, [
      { field: 'prefix', code: 'invalid_format', message: 'a 2, 4 or 6-digit code, or all' },
    ]);
  }
  const report = options.onProgress ?? (() => {});
  report({ phase: 'reading', done: 0, total: 0 });
  const records = await readDivisions(options.prefix);
  if (records.length === 0) throw new AppError('ORG_UNIT_NOT_FOUND', { code: options.prefix });
  const total = records.length;

  // The Kysely transaction and the raw COPY share one connection, so the rows commit with the audit record.
  const inserted = await withCopyTransaction(ctx.connectionString, async (tx, client) => {
    // Writers wait (readers do not) while the import reserves a block of ids and copies the rows in.
    await sql`lock table org_unit in share row exclusive mode`.execute(tx);
    report({ phase: 'planning', done: 0, total });
    const codes = [...new Set(records.map((r) => r.code))];
    const existingRows = await tx
      .selectFrom('org_unit')
      .select(['id', 'code', 'path'])
      .where('kind', '=', 'division')
      .where(sql<boolean>`code = any(${codes}::text[])`)
      .execute();
    const existing = new Map(existingRows.map((r) => [r.code, r]));
    const newCount = codes.filter((code) => !existing.has(code)).length;
    const first = await reserveIds(tx, newCount);
    let next = first;
    const planned = planUnits(records, existing, () => next++);
    await copyRows(
      client,
      'org_unit',
      ['id', 'code', 'kind', 'level', 'name', 'parent_id', 'path'],
      planned.map((u) => [u.id, u.code, 'division', u.level, u.name, u.parentId, u.path]),
      (rows) => report({ phase: 'copying', done: rows, total }),
    );
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'org.divisions_imported',
        entity: 'org_unit',
        entityId: options.prefix || 'all',
        after: { prefix: options.prefix || 'all', read: total, inserted: planned.length },
      },
      ctx.clock.now(),
    );
    return planned.length;
  });
  report({ phase: 'done', done: total, total });
  return { prefix: options.prefix || 'all', read: total, inserted, existing: total - inserted };
}
