/**
 * Times `node src/server/main.ts` from spawn to "ready" on a fresh data directory (initdb, migrations,
 * Shanxi + Henan demo tree) and again on the same directory. Goal for the second start: under 5 s.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../src/platform/free-port.ts';
import { report, round } from './support.ts';

async function startAndStop(env: NodeJS.ProcessEnv): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['src/server/main.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready on')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const seconds = (performance.now() - started) / 1000;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return seconds;
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'bihuan-bench-startup-'));
try {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BIHUAN_DATA_DIR: dataDir,
    PORT: String(await freePort()),
    BIHUAN_PG_PORT: String(await freePort()),
    BIHUAN_ADMIN_PASSWORD: 'bench2024pw',
    BIHUAN_LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  const first = await startAndStop(env);
  const second = await startAndStop(env);
  report({ bench: 'startup', metric: 'first_start_with_demo_seconds', value: round(first) });
  report({ bench: 'startup', metric: 'second_start_seconds', value: round(second), goal: '<5' });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
