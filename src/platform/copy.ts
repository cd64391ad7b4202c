import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { newPool } from './database.ts';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from './db-schema.ts';

export type CopyValue = string | number | boolean | null;
/** The raw connection a COPY streams over: the one the transaction of withCopyTransaction holds. */
export type CopyClient = pg.PoolClient | pg.Client;

// Rows go out in chunks of about this many characters: one CopyData message per row would dominate the cost.
const CHUNK_CHARS = 256 * 1024;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Escapes a value for PostgreSQL's COPY text format. */
function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  // Nearly no value needs escaping: testing first saves a replace (and its callback) per value of a million rows.
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPED[c] ?? c) : value;
}

/**
 * Streams rows into a table with COPY on the given connection — the same one a Kysely transaction holds, so
 * the rows commit or vanish with everything else the transaction wrote.
 */
export function copyRows(
  client: CopyClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  onRows?: (rows: number) => void,
): Promise<void> {
  const lines = Readable.from(
    (function* () {
      let chunk = '';
      let count = 0;
      for (const row of rows) {
        for (let i = 0; i < row.length; i++) chunk += i === 0 ? field(row[i] ?? null) : `\t${field(row[i] ?? null)}`;
        chunk += '\n';
        count += 1;
        if (chunk.length >= CHUNK_CHARS) {
          yield chunk;
          onRows?.(count);
          chunk = '';
        }
      }
      if (chunk) yield chunk;
      onRows?.(count);
    })(),
  );
  return pipeline(lines, client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
}

/** Arrays in COPY's text format: {a,b} with every element quoted. */
export function copyArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Runs the work in one transaction on a dedicated connection, handing over both the Kysely transaction and
 * the raw client, so COPY and queries share it.
 */
export async function withCopyTransaction<T>(
  connectionString: string,
  work: (tx: Transaction<Database>, client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const pool = newPool(connectionString, 1);
  let client: pg.PoolClient | undefined;
  pool.on('acquire', (acquired) => {
    client = acquired;
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    return await db.transaction().execute(async (tx) => {
      await sql`select 1`.execute(tx);
      if (!client) throw new Error('the transaction has no connection');
      return work(tx, client);
    });
  } finally {
    await db.destroy();
  }
}

/**
 * Bulk loading: the tables' foreign keys are dropped for the work and added back after it, in the same
 * transaction. Checking each copied row through a trigger costs more than the copy itself; adding the
 * constraint back validates every row at once with one join, so the guarantee is the same.
 */
export async function withForeignKeysDeferredToEnd<T>(
  tx: Transaction<Database>,
  tables: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const { rows } = await sql<{ table_name: string; name: string; definition: string }>`
    select c.conrelid::regclass::text as table_name, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
    where c.contype = 'f' and c.conrelid::regclass::text = any(${tables}::text[])`.execute(tx);
  for (const fk of rows) {
    await sql`alter table ${sql.id(fk.table_name)} drop constraint ${sql.id(fk.name)}`.execute(tx);
  }
  const result = await work();
  for (const fk of rows) {
    await sql`alter table ${sql.id(fk.table_name)} add constraint ${sql.id(fk.name)} ${sql.raw(fk.definition)}`.execute(
      tx,
    );
  }
  return result;
}
