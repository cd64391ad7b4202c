import { randomBytes } from 'node:crypto';
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
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}
