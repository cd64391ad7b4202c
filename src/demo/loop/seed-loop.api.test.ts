import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/support/app.ts';
import { importDivisions } from '../../modules/org/import-divisions.ts';
import { TASK_STATUSES } from '../../modules/tasks/rules/task-states.ts';
import { demoSeeds } from '../seeds.ts';

const t = useTestApp();

describe('the work-loop demo seed', () => {
  it('puts tasks in every state and colour, notices on the wall and an exemption in the assessment', async () => {
    const ctx = { ...t.system, connectionString: t.connectionString };
    await importDivisions(ctx, { prefix: '4115' });
    const seeds = Object.fromEntries(demoSeeds.map((seed) => [seed.name, seed]));
    await seeds['org.demo-departments']?.apply(ctx);
    const started = performance.now();
    await seeds['loop.plans-tasks-assessment']?.apply(ctx);
    expect(performance.now() - started).toBeLessThan(20_000);

    const statuses = await t.db.selectFrom('task').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...TASK_STATUSES].sort());
    const colours = await t.db.selectFrom('task').select('colour').distinct().where('colour', 'is not', null).execute();
    expect(colours.map((c) => c.colour).sort()).toEqual(['blue', 'green', 'grey', 'red', 'yellow']);
    const notices = await t.db.selectFrom('supervision_notice').select('id').execute();
    expect(notices.length).toBeGreaterThan(10);
    const reports = await t.db.selectFrom('task_report').select('id').execute();
    expect(reports.length).toBeGreaterThan(1000);
    const plans = await t.db.selectFrom('plan').select('framework').orderBy('id').execute();
    expect(plans.map((p) => p.framework)).toEqual(['1335', '5', '3659']);
    const exemption = await t.db.selectFrom('assessment_exemption').select('status').executeTakeFirstOrThrow();
    expect(exemption.status).toBe('approved');
    const run = await t.db.selectFrom('assessment_run').select(['results']).executeTakeFirstOrThrow();
    const results = run.results as {
      units: { unitId: string; categories: { items: { contributions: { exemptionIds?: string[] }[] }[] }[] }[];
    };
    const exempted = results.units
      .flatMap((u) => u.categories)
      .flatMap((c) => c.items)
      .flatMap((i) => i.contributions)
      .filter((line) => line.exemptionIds?.length);
    expect(exempted).toHaveLength(1);
  });
});
