import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { appendAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { type DivisionRecord, readDivisions } from './division-source.ts';

export type ImportProgress = { phase: 'reading' | 'staging' | 'inserting' | 'done'; done: number; total: number };
export type ImportResult = { prefix: string; read: number; inserted: number; existing: number };

/** Escapes a value for PostgreSQL's COPY text format. */
function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c);
}

export function divisionCopyLines(records: DivisionRecord[]): Readable {
  return Readable.from(
    (function* () {
      for (const r of records) yield `${copyField(r.code)}\t${copyField(r.name)}\t${r.level}\t${copyField(r.parentCode)}\n`;
    })(),
  );
}

export async function copyInto(connectionString: string, table: string, records: DivisionRecord[]): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const stream = client.query(copyFrom(`copy ${table} (code, name, level, parent_code) from stdin`));
    await pipeline(divisionCopyLines(records), stream);
  } finally {
    await client.end();
  }
}

/**
 * Loads the national divisions under a prefix ('14', '1409', '' for all) into the org tree. Rows are
 * bulk-copied into a scratch table, then inserted level by level in one transaction, so the tree is either
 * complete or untouched. Idempotent: units already present (perhaps renamed or merged since) are left alone.
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

  const staging = `division_staging_${randomBytes(4).toString('hex')}`;
  await sql`create unlogged table ${sql.table(staging)} (code text, name text, level smallint, parent_code text)`.execute(ctx.db);
  try {
    report({ phase: 'staging', done: 0, total });
    await copyInto(ctx.connectionString, staging, records);
    let inserted = 0;
    await ctx.db.transaction().execute(async (tx) => {
      for (const level of [1, 2, 3, 4, 5]) {
        const result = await sql`
          insert into org_unit (code, kind, level, name, parent_id, path)
          select s.code, 'division', s.level, s.name, p.id, coalesce(p.path, '/') || s.code || '/'
          from ${sql.table(staging)} s left join org_unit p on p.code = s.parent_code
          where s.level = ${level}
          on conflict (code) do nothing`.execute(tx);
        inserted += Number(result.numAffectedRows ?? 0);
        report({ phase: 'inserting', done: Math.min(inserted, total), total });
      }
      await appendAudit(tx, ctx.actor, {
        action: 'org.divisions_imported',
        entity: 'org_unit',
        entityId: options.prefix || 'all',
        after: { prefix: options.prefix || 'all', read: total, inserted },
      });
    });
    report({ phase: 'done', done: total, total });
    return { prefix: options.prefix || 'all', read: total, inserted, existing: total - inserted };
  } finally {
    await sql`drop table if exists ${sql.table(staging)}`.execute(ctx.db);
  }
}
