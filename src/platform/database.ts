import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { Database } from './db-schema.ts';
import { migrations } from './migrations/index.ts';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the pool or an open transaction: repositories accept both so a service decides the boundary. */
export type Executor = Db | Tx;

// Dates stay 'YYYY-MM-DD' strings and bigints stay strings: no time-zone shifts, no precision loss.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);

/**
 * A connection pool that survives losing an idle connection: PostgreSQL ends idle sessions when it stops or
 * restarts, and pg reports that as an 'error' event, which would otherwise end the process. The pool opens a
 * new connection on the next query.
 */
export function newPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => {});
  return pool;
}

export function createDb(connectionString: string, poolSize = 10): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: newPool(connectionString, poolSize) }) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema types exist
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
