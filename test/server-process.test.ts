import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/free-port.ts';

const dataDir = await mkdtemp(path.join(tmpdir(), 'bihuan-process-'));
const port = await freePort();
const pgPort = await freePort();
afterAll(() => rm(dataDir, { recursive: true, force: true }));

type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts `node src/server/main.ts` as `npm start` would and resolves once it logs that it is ready. */
async function startServer(): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BIHUAN_DATA_DIR: dataDir,
    PORT: String(port),
    BIHUAN_PG_PORT: String(pgPort),
    BIHUAN_DEMO: 'false',
    BIHUAN_LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.BIHUAN_ADMIN_PASSWORD;
  const child = spawn(process.execPath, ['src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  while (!output.includes('ready on')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output, exited };
}

describe('the server process', () => {
  it('starts on an empty directory with a generated admin password printed once, and stops cleanly on SIGINT', async () => {
    const first = await startServer();
    const password = /generated password: (\S+)/.exec(first.output())?.[1];
    expect(password).toBeDefined();
    const health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.json());
    expect(health).toMatchObject({ status: 'ok', database: { ok: true } });
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('stopped cleanly');
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });

  it('starts again on the same data without printing a password, and stops cleanly on SIGTERM', async () => {
    const second = await startServer();
    expect(second.output()).not.toContain('generated password');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
