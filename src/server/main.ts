import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemContext } from '../modules/auth/system-access.ts';
import { applySeeds, demoSeeds } from '../demo/seeds.ts';
import { wireModules } from './wire-modules.ts';
import { offsetClock, systemClock } from '../platform/clock.ts';
import { startScheduler } from '../platform/scheduler.ts';
import { supervisionPassJob } from '../modules/supervision/pass.ts';
import { testClockEnabled } from './test-clock.ts';
import { failAbandonedJobs } from '../platform/jobs.ts';
import { loadConfig } from '../platform/config.ts';
import { buildApp } from './app.ts';
import { ensureInitialAdmin, INITIAL_ADMIN } from './bootstrap.ts';
import { openRuntime } from './runtime.ts';

const started = performance.now();
const config = loadConfig();
const log = (message: string) => console.log(`[bihuan] ${message}`);
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const testClock = testClockEnabled(process.env) ? offsetClock() : undefined;
const clock = testClock ?? systemClock;
const runtime = await openRuntime(config, log);
const generatedPassword = await ensureInitialAdmin(runtime.db, config.adminPassword);
if (generatedPassword) {
  log(`created the administrator "${INITIAL_ADMIN}" with the generated password: ${generatedPassword}`);
  log('this password is shown only once; change it after signing in (or set BIHUAN_ADMIN_PASSWORD)');
}
if (config.loadDemo) {
  // The seeds change the org tree and record loop data through the services: plug the modules in first.
  wireModules();
  let lastStep = '';
  await applySeeds(
    {
      ...systemContext(runtime.db, clock),
      connectionString: runtime.connectionString,
      // One line per step of the demo data: a few dozen lines, not one per progress tick.
      onProgress: (label) => {
        if (label !== lastStep) log(`demo data: ${label}…`);
        lastStep = label;
      },
    },
    demoSeeds,
    log,
  );
}

await failAbandonedJobs(runtime.db, systemClock);
const app = await buildApp({
  db: runtime.db,
  connectionString: runtime.connectionString,
  clock,
  ...(testClock ? { testClock } : {}),
  secureCookies: config.secureCookies,
  logLevel: config.logLevel,
  webDir: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  filesDir: path.join(config.dataDir, 'files'),
  version,
});
await app.listen({ port: config.port, host: config.host });
// Colours move with the calendar: the supervision pass runs once per China day (checked every 10 minutes).
const scheduler = startScheduler(runtime.db, clock, [supervisionPassJob(runtime.db)], {
  intervalMs: 600_000,
  onError: (error) => log(`scheduled work failed: ${error instanceof Error ? error.message : String(error)}`),
});
log(
  `ready on http://localhost:${config.port} in ${Math.round(performance.now() - started)} ms (API docs at /api/docs)`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  await scheduler.stop();
  await app.close();
  await runtime.close();
  log('stopped cleanly');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
