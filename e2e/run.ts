/**
 * Runs the browser end-to-end tests against the real server: builds the web app when its sources are newer
 * than the build, starts the server on a fresh data directory and free ports, runs every `e2e/*.e2e.ts` with
 * node:test, and always stops the server (SIGTERM, so PostgreSQL shuts down cleanly) and removes the data.
 *
 * Usage: npm run test:e2e   (set DATABASE_URL to use an existing PostgreSQL instead of the embedded one)
 *        npm run test:e2e -- registry   (only the files whose names contain one of the words given)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuild } from '../scripts/ensure-web-build.ts';
import { freePort } from '../src/platform/free-port.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const artifacts = path.join(root, '.test-artifacts');
const adminPassword = 'e2e-Admin-2024';
const serverStartTimeoutMs = 300_000;
const serverStopTimeoutMs = 30_000;
/** Words from the command line: run only the test files whose names contain one of them. */
const only = process.argv.slice(2);

function log(message: string) {
  console.log(`[e2e] ${message}`);
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + serverStartTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode} before it was ready`);
    const ok = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server was not healthy within ${serverStartTimeoutMs / 1000} s`);
}

function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.kill('SIGKILL'), serverStopTimeoutMs);
    server.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

const started = performance.now();

function summary(verdict: string): string {
  return `e2e summary: ${verdict} in ${((performance.now() - started) / 1000).toFixed(1)} s (screenshots and server log in .test-artifacts/)`;
}

/** Resolves with the test run's exit code and what to say about it. */
async function main(): Promise<{ code: number; verdict: string }> {
  await mkdir(artifacts, { recursive: true });

  ensureWebBuild(log);

  const dataDir = await mkdtemp(path.join(tmpdir(), 'bihuan-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverLog = path.join(artifacts, 'e2e-server.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BIHUAN_DATA_DIR: dataDir,
    BIHUAN_ADMIN_PASSWORD: adminPassword,
    BIHUAN_HOST: '127.0.0.1',
    PORT: String(port),
    BIHUAN_LOG_LEVEL: 'warn',
    // e2e/loop.e2e.ts moves the server's clock past a deadline.
    BIHUAN_TEST_CLOCK: 'true',
  };
  if (!process.env.DATABASE_URL) env.BIHUAN_PG_PORT = String(await freePort());

  log(
    `starting the server on ${baseUrl} (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}; log in .test-artifacts/e2e-server.log)`,
  );
  const server = spawn(process.execPath, ['src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = createWriteStream(serverLog);
  server.stdout.pipe(logFile);
  server.stderr.pipe(logFile);

  const stopOnSignal = () => void stopServer(server).finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    await waitForHealth(baseUrl, server);
    log(`server ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const tests = readdirSync(path.join(root, 'e2e'))
      .filter((file) => file.endsWith('.e2e.ts'))
      .filter((file) => only.length === 0 || only.some((word) => file.includes(word)))
      .sort()
      .map((file) => path.join('e2e', file));
    const testEnv = { ...process.env, E2E_BASE_URL: baseUrl, E2E_ADMIN_PASSWORD: adminPassword };
    const code = await run(
      process.execPath,
      ['--test', '--test-concurrency=1', '--test-reporter=spec', ...tests],
      testEnv,
    );
    return { code, verdict: `${code === 0 ? 'PASSED' : 'FAILED'}, ${tests.length} test files` };
  } finally {
    log('stopping the server');
    await stopServer(server);
    logFile.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  ({ code, verdict }) => {
    console.log(`\n${summary(verdict)}`);
    process.exit(code);
  },
  (error: unknown) => {
    console.error(`\n${summary(`FAILED: ${error instanceof Error ? error.message : String(error)}`)}`);
    process.exit(1);
  },
);
