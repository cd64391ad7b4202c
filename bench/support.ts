import { freePort } from '../src/platform/free-port.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db, migrateToLatest } from '../src/platform/database.ts';
import { ensureDatabase, openDatabaseServer } from '../src/platform/database-server.ts';

export type BenchDatabase = {
  db: Db;
  connectionString: string;
  adminConnectionString: string;
  close: () => Promise<void>;
};

/** A fresh, migrated database on a throw-away embedded PostgreSQL (or a new database on DATABASE_URL's server). */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const dataDir = process.env.DATABASE_URL ? undefined : await mkdtemp(path.join(tmpdir(), `bihuan-bench-${name}-`));
  const server = await openDatabaseServer({
    databaseUrl: undefined,
    dataDir: dataDir ?? '',
    embeddedPgPort: await freePort(),
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  });
  const database = `bihuan_bench_${name}`;
  const admin = new URL(server.adminConnectionString);
  await ensureDatabase(server.adminConnectionString, database);
  admin.pathname = `/${database}`;
  const connectionString = admin.toString();
  const db = createDb(connectionString);
  await migrateToLatest(db);
  return {
    db,
    connectionString,
    adminConnectionString: server.adminConnectionString,
    close: async () => {
      await db.destroy();
      await server.stop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function report(figure: {
  bench: string;
  metric: string;
  value: number;
  goal?: string;
  ratio?: number;
  unit?: string;
}) {
  console.log(JSON.stringify(figure));
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - started) / 1000 };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
