import { sql } from 'kysely';
import type { ServiceContext } from '../modules/auth/context.ts';
import { importDivisions, type ImportProgress } from '../modules/org/import-divisions.ts';
import { createDepartment } from '../modules/org/service.ts';
import { demoDepartments } from './departments.ts';
import { seedLoop } from './loop/seed-loop.ts';
import { seedIndicatorDemo } from '../modules/indicators/demo/seed.ts';
import { seedDemoRegistry } from '../modules/registry/demo/seed-registry.ts';
import { seedDemoDuplicates } from '../modules/registry/demo/seed-duplicates.ts';

export type SeedContext = ServiceContext & {
  connectionString: string;
  onProgress?: (label: string, p: ImportProgress) => void;
};

/** A named piece of demo data, applied once per database; modules append theirs to `demoSeeds`. */
export type Seed = { name: string; apply: (ctx: SeedContext) => Promise<void> };

export const demoSeeds: Seed[] = [
  {
    // Both demo cities' whole provinces, down to villages, so a city can be ranked in its province.
    name: 'org.divisions.14+41',
    apply: async (ctx) => {
      for (const prefix of ['14', '41']) {
        await importDivisions(ctx, { prefix, onProgress: (p) => ctx.onProgress?.(`divisions ${prefix}`, p) });
      }
    },
  },
  {
    name: 'org.demo-departments',
    apply: async (ctx) => {
      for (const department of demoDepartments) {
        await createDepartment(ctx, {
          parentCode: department.parent,
          name: department.name,
          category: department.category,
          establishedOn: '2015-01-01',
          reason: '演示数据：机构设置',
        });
      }
    },
  },
  { name: 'loop.plans-tasks-assessment', apply: seedLoop },
  {
    // Ten years of the articles' headline indicators with targets; needs the divisions above.
    name: 'indicators.headline-2012-2021',
    apply: (ctx) => seedIndicatorDemo(ctx),
  },
  {
    // Xinzhou's registry, generated from a fixed seed over its real villages and calibrated to the article.
    name: 'registry.xinzhou',
    apply: async (ctx) => {
      await seedDemoRegistry(ctx, {
        cityCode: '1409',
        onProgress: (p) => ctx.onProgress?.(`registry ${p.phase}`, { phase: 'copying', done: p.done, total: p.total }),
      });
    },
  },
  {
    // A handful of duplicate identity numbers for the deduplication queue, registered after the calibrated load.
    name: 'registry.xinzhou-duplicates',
    apply: async (ctx) => {
      await seedDemoDuplicates(ctx, { cityCode: '1409' });
    },
  },
];

/** Applies every seed not yet recorded, in order; a seed that fails is retried on the next start. */
export async function applySeeds(ctx: SeedContext, seeds: Seed[], log: (message: string) => void): Promise<void> {
  for (const seed of seeds) {
    const done = await ctx.db
      .selectFrom('applied_seed')
      .select('name')
      .where('name', '=', seed.name)
      .executeTakeFirst();
    if (done) continue;
    const started = performance.now();
    await seed.apply(ctx);
    await sql`insert into applied_seed (name) values (${seed.name}) on conflict do nothing`.execute(ctx.db);
    log(`demo data "${seed.name}" loaded in ${Math.round(performance.now() - started)} ms`);
  }
}
