/**
 * `npm run bench -- NAME`: runs one benchmark, which prints one JSON line per figure. Benchmarks start
 * their own embedded PostgreSQL in a temporary directory (or use DATABASE_URL) and compare against the plain
 * alternative in the same run, because ratios survive noisy machines and absolute times do not.
 */
const benches: Record<string, () => Promise<unknown>> = {
  divisions: () => import('./divisions.ts'),
  startup: () => import('./startup.ts'),
  loop: () => import('./loop.ts'),
  analytics: () => import('./analytics.ts'),
  registry: () => import('./registry.ts'),
};

const name = process.argv[2];
const load = name ? benches[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
  process.exit(2);
}
await load();
