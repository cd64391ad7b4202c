/**
 * Builds the web app when web/dist is missing or older than its sources, so `npm start` on a fresh clone
 * serves the UI while a second start skips the build and stays fast. The e2e runner uses it too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'].map((p) =>
  path.join(root, p),
);

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

export function webBuildIsStale(): boolean {
  return !existsSync(built) || Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

/** Builds if stale; throws when the build fails. */
export function ensureWebBuild(log: (message: string) => void): void {
  if (!webBuildIsStale()) return;
  log('building the web app (first start or changed sources)…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the web build failed (exit ${result.status})`);
}

if (import.meta.main) {
  try {
    ensureWebBuild((message) => console.log(`[bihuan] ${message}`));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
