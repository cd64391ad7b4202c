import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { systemContext } from '../modules/auth/system-access.ts';
import { applySeeds, demoSeeds } from '../demo/seeds.ts';
import { systemClock } from '../platform/clock.ts';
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

const runtime = await openRuntime(config, log);
const generatedPassword = await ensureInitialAdmin(runtime.db, config.adminPassword);
if (generatedPassword) {
  log(`created the administrator "${INITIAL_ADMIN}" with the generated password: ${generatedPassword}`);
  log('this password is shown only once; change it after signing in (or set BIHUAN_ADMIN_PASSWORD)');
}
if (config.loadDemo) {
  let lastStep = '';
  await applySeeds(
    {
      ...systemContext(runtime.db, systemClock),
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
  clock: systemClock,
  secureCookies: config.secureCookies,
  logLevel: config.logLevel,
  webDir: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  version,
});
await app.listen({ port: config.port, host: config.host });
log(
  `ready on http://localhost:${config.port} in ${Math.round(performance.now() - started)} ms (API docs at /api/docs)`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: shutting down`);
  await app.close();
  await runtime.close();
  log('stopped cleanly');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
