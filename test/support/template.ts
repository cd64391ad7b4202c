import pg from 'pg';
import { systemContext } from '../../src/modules/auth/system-access.ts';
import { importDivisions } from '../../src/modules/org/import-divisions.ts';
import { manualClock } from '../../src/platform/clock.ts';
import { createDb, migrateToLatest } from '../../src/platform/database.ts';

export const TEMPLATE_DATABASE = 'bihuan_test_template';

export function databaseUrl(adminConnectionString: string, database: string): string {
  const url = new URL(adminConnectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminConnectionString: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The migrated schema plus Xinzhou's real divisions (1409: 14 counties, 2,878 villages). */
export async function buildTemplateDatabase(adminConnectionString: string): Promise<void> {
  await adminQuery(adminConnectionString, `drop database if exists ${TEMPLATE_DATABASE} with (force)`);
  await adminQuery(adminConnectionString, `create database ${TEMPLATE_DATABASE}`);
  const connectionString = databaseUrl(adminConnectionString, TEMPLATE_DATABASE);
  const db = createDb(connectionString, 2);
  try {
    await migrateToLatest(db);
    const ctx = { ...systemContext(db, manualClock(new Date('2024-06-01T00:00:00Z'))), connectionString };
    await importDivisions(ctx, { prefix: '1409' });
  } finally {
    await db.destroy();
  }
}
