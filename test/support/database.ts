import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/platform/database.ts';
import { adminQuery, databaseUrl } from './template.ts';

export type TestDatabase = { db: Db; connectionString: string; drop: () => Promise<void> };

/** A private database cloned from the migrated template: fast, and no state shared between test files. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = inject('adminConnectionString');
  const name = `bihuan_test_${randomBytes(5).toString('hex')}`;
  await adminQuery(admin, `create database ${name} template ${inject('templateDatabase')}`);
  const connectionString = databaseUrl(admin, name);
  const db = createDb(connectionString, 5);
  return {
    db,
    connectionString,
    drop: async () => {
      await db.destroy();
      await waitForDisconnect(admin, name);
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * Ended pool clients may still have their backend alive for a moment; a forced drop then terminates it and the
 * closing client reports the FATAL as an unhandled error. Waiting (briefly) for the backends to go avoids that.
 */
async function waitForDisconnect(admin: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await client.query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [database],
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}
