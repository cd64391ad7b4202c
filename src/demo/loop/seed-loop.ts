import { appendAudit } from '../../platform/audit.ts';
import { addMonths, chinaDateOf, daysBetween } from '../../platform/calendar-date.ts';
import type { Insertable } from 'kysely';
import type { Database } from '../../platform/db-schema.ts';
import { createScheme } from '../../modules/assessment/schemes.ts';
import {
  applyForExemption,
  claimBonus,
  decideBonusClaim,
  decideExemption,
  enterIndicatorValue,
  enterScore,
} from '../../modules/assessment/entries.ts';
import { createRun } from '../../modules/assessment/runs.ts';
import { addNode, createDecision, createPlan } from '../../modules/plans/service.ts';
import type { PlanNodeDto } from '../../modules/plans/schema.ts';
import { runSupervisionPass } from '../../modules/supervision/pass.ts';
import type { SeedContext } from '../seeds.ts';
import { demoDepartments } from '../departments.ts';
import { demoActions, type DemoNode, demoPlans } from './plans.ts';
import {
  analyzeLoopTables,
  countiesOf,
  firstColourEvent,
  insertGrants,
  insertReports,
  insertTasks,
  unitsNamed,
} from './queries.ts';

type Unit = { id: number; code: string; name: string; path: string };
type Leaf = { id: string; title: string; decisionId: string; city: string };

const DAY_MS = 86_400_000;

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Adds a plan's nodes depth first and returns the leaves, where the tasks hang. */
async function addNodes(
  ctx: SeedContext,
  planId: string,
  nodes: readonly DemoNode[],
  parentId: string | undefined,
  decisionId: string,
): Promise<{ id: string; title: string }[]> {
  const leaves: { id: string; title: string }[] = [];
  for (const node of nodes) {
    const plan = await addNode(ctx, {
      planId,
      number: node.number,
      title: node.title,
      description: '',
      ownerUnits: [],
      indicatorCodes: node.indicators ?? [],
      yearlyTargets: node.targets ?? {},
      decisionId,
      ...(parentId ? { parentId } : {}),
    });
    const find = (list: PlanNodeDto[]): PlanNodeDto | undefined =>
      list.flatMap((n) => [n, ...n.children]).find((n) => n.number === node.number) ??
      list.map((n) => find(n.children)).find(Boolean);
    const created = find(plan.nodes);
    if (!created) throw new Error(`demo plan node ${node.number} was not created`);
    if (node.children?.length) leaves.push(...(await addNodes(ctx, planId, node.children, created.id, decisionId)));
    else leaves.push({ id: created.id, title: node.title });
  }
  return leaves;
}

/** One task's life so far, relative to the seeding day, so that every state and colour is on the wall. */
function lifeOf(index: number, today: string) {
  const kind = index % 10;
  const base = {
    reported: 0,
    returned: false,
    completionOn: null as string | null,
    closedOn: null as string | null,
    before: null as string | null,
    requested: null as string | null,
  };
  switch (kind) {
    case 0:
      return {
        ...base,
        status: 'closed',
        start: shift(today, -300),
        deadline: shift(today, -60),
        reported: 100,
        closedOn: shift(today, -70),
      };
    case 1:
      return {
        ...base,
        status: 'closed',
        start: shift(today, -280),
        deadline: shift(today, -90),
        reported: 100,
        closedOn: shift(today, -75),
      };
    case 2:
      return {
        ...base,
        status: 'in_progress',
        start: shift(today, -200),
        deadline: shift(today, -10 - (index % 20)),
        reported: 60,
      };
    case 3:
      return {
        ...base,
        status: 'in_progress',
        start: shift(today, -100),
        deadline: shift(today, 2 + (index % 5)),
        reported: 92,
      };
    case 4:
      return { ...base, status: 'in_progress', start: shift(today, -150), deadline: shift(today, 100), reported: 10 };
    case 5:
      return { ...base, status: 'in_progress', start: shift(today, -120), deadline: shift(today, 150), reported: 40 };
    case 6:
      return { ...base, status: 'issued', start: shift(today, -5), deadline: shift(today, 200) };
    case 7:
      return { ...base, status: 'acknowledged', start: shift(today, -20), deadline: shift(today, 180), reported: 5 };
    case 8:
      return {
        ...base,
        status: 'completion_reported',
        start: shift(today, -90),
        deadline: shift(today, 20),
        reported: 95,
        completionOn: shift(today, -3),
      };
    default: {
      const variant = Math.floor(index / 10) % 4;
      if (variant === 0)
        return {
          ...base,
          status: 'returned',
          start: shift(today, -60),
          deadline: shift(today, 60),
          reported: 50,
          returned: true,
        };
      if (variant === 1)
        return {
          ...base,
          status: 'extension_requested',
          start: shift(today, -80),
          deadline: shift(today, 3),
          reported: 85,
          before: 'in_progress',
          requested: shift(today, 40),
        };
      if (variant === 2) return { ...base, status: 'cancelled', start: shift(today, -40), deadline: shift(today, 90) };
      return { ...base, status: 'draft', start: shift(today, 10), deadline: shift(today, 120) };
    }
  }
}

/**
 * The demo loop: Xinyang's "1335" layout and Xinzhou's "Five Cities in One" and "3659" as plans from their
 * decisions; 330 tasks across the cities' departments and counties in every state and colour, with a
 * year of monthly reports; a year of daily passes' worth of colour spells and notices (one pass a month);
 * and Xinzhou's county assessment run, with one county's exemption approved.
 */
export async function seedLoop(ctx: SeedContext): Promise<void> {
  const now = ctx.clock.now();
  const today = chinaDateOf(now);
  const departments = new Map(
    (
      await unitsNamed(
        ctx.db,
        demoDepartments.map((d) => d.name),
      )
    ).map((u) => [u.name, u]),
  );
  const unit = (name: string) => {
    const found = departments.get(name);
    if (!found) throw new Error(`demo department ${name} is missing`);
    return found;
  };
  const cities: Record<string, { supervisor: Unit; leads: Unit[]; city: Unit }> = {};
  for (const code of ['1409', '4115']) {
    const own = demoDepartments.filter((d) => d.parent === code && !d.name.includes('督查')).map((d) => unit(d.name));
    const [city] = await unitsNamed(ctx.db, [code === '1409' ? '忻州市' : '信阳市']);
    if (!city) throw new Error(`demo city ${code} is missing`);
    cities[code] = {
      city,
      supervisor: unit(code === '1409' ? '忻州市委市政府督查室' : '信阳市委市政府督查局'),
      leads: [...own, ...(await countiesOf(ctx.db, `${code}00000000`))],
    };
  }

  const leaves: Leaf[] = [];
  for (const plan of demoPlans) {
    const decision = await createDecision(ctx, {
      unit: plan.city,
      kind: 'meeting',
      title: plan.decision,
      decidedOn: addMonths(today, -12),
      body: plan.title,
      files: [],
    });
    const created = await createPlan(ctx, {
      unit: plan.city,
      title: plan.title,
      framework: plan.framework,
      description: '',
      decisionId: decision.id,
    });
    for (const leaf of await addNodes(ctx, created.id, plan.nodes, undefined, decision.id))
      leaves.push({ ...leaf, decisionId: decision.id, city: plan.city });
  }

  const taskCount = 330;
  const tasks: Insertable<Database['task']>[] = [];
  const parts: { lead: Unit; cooperating: Unit | null; supervisor: Unit; issuer: Unit }[] = [];
  for (let i = 0; i < taskCount; i++) {
    const leaf = leaves[i % leaves.length] as Leaf;
    const { leads, supervisor, city } = cities[leaf.city] as (typeof cities)[string];
    const lead = leads[(i * 7) % leads.length] as Unit;
    const other = leads[(i * 11 + 3) % leads.length] as Unit;
    const life = lifeOf(i, today);
    const middle = shift(life.start, Math.floor(daysBetween(life.start, life.deadline) / 2));
    parts.push({ lead, cooperating: other.id === lead.id ? null : other, supervisor, issuer: city });
    tasks.push({
      title: `${lead.name}：${leaf.title}——${demoActions[i % demoActions.length]}`,
      description: `落实${leaf.title}的年度任务`,
      plan_node_id: leaf.id,
      decision_id: leaf.decisionId,
      issuer_unit_id: city.id,
      lead_unit_id: lead.id,
      lead_unit_path: lead.path,
      supervising_unit_id: supervisor.id,
      responsible_leader: ['王副市长', '李副市长', '张副市长', '刘秘书长'][i % 4] as string,
      priority: (['high', 'normal', 'normal', 'low'] as const)[i % 4] ?? 'normal',
      report_cadence: 'monthly',
      start_on: life.start,
      deadline: life.deadline,
      milestones: JSON.stringify([
        { title: '阶段目标', dueOn: middle, weight: 1 },
        { title: '全面完成', dueOn: life.deadline, weight: 2 },
      ]),
      status: life.status,
      status_before_extension: life.before,
      requested_deadline: life.requested,
      reported_percent: life.reported,
      last_report_returned: life.returned,
      completion_reported_on: life.completionOn,
      closed_on: life.closedOn,
      planned_percent: 0,
      created_at: new Date(Date.parse(`${life.start}T01:00:00Z`)),
      updated_at: now,
    });
  }

  await ctx.db.transaction().execute(async (tx) => {
    const ids = (await insertTasks(tx, tasks)).map((row) => row.id);
    const grants: Insertable<Database['task_grant']>[] = [];
    const reports: Insertable<Database['task_report']>[] = [];
    ids.forEach((taskId, index) => {
      const part = parts[index] as (typeof parts)[number];
      const task = tasks[index] as Insertable<Database['task']>;
      const grant = (u: Unit, role: 'issuer' | 'lead' | 'cooperating' | 'supervisor') =>
        grants.push({ task_id: taskId, unit_id: u.id, role, unit_path: u.path });
      grant(part.issuer, 'issuer');
      grant(part.lead, 'lead');
      grant(part.supervisor, 'supervisor');
      if (part.cooperating) grant(part.cooperating, 'cooperating');
      const end = task.closed_on ?? task.completion_reported_on ?? today;
      const months = Math.max(0, Math.floor(daysBetween(task.start_on, end) / 30));
      const target = Number(task.reported_percent);
      for (let m = 1; m <= months && target > 0; m++) {
        const last = m === months;
        const completion =
          last && (task.status === 'closed' || task.status === 'completion_reported' || task.status === 'returned');
        reports.push({
          task_id: taskId,
          kind: completion ? 'completion' : 'progress',
          percent: completion ? 100 : Math.round((target * m) / months),
          narrative: completion ? '已全面完成，请审核验收' : `第${m}个月进展：按计划推进，完成阶段工作量`,
          figures: JSON.stringify([{ label: '完成投资', value: m * 120, unit: '万元' }]),
          unit_id: part.lead.id,
          idempotency_key: `demo-${taskId}-${m}`,
          status:
            last && task.status === 'returned'
              ? 'returned'
              : last && task.status === 'completion_reported'
                ? 'submitted'
                : 'accepted',
          review_reason: last && task.status === 'returned' ? '佐证材料不全，请补充现场照片' : null,
          submitted_at: new Date(Date.parse(`${shift(task.start_on, m * 30)}T02:00:00Z`)),
        });
      }
    });
    await insertGrants(tx, grants);
    await insertReports(tx, reports);
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'demo.loop_seeded', entity: 'task', after: { tasks: ids.length, reports: reports.length } },
      now,
    );
  });
  await analyzeLoopTables(ctx.db);

  // A month-by-month look back, so the colour history (and its notices) covers the year.
  for (let month = 11; month >= 1; month--)
    await runSupervisionPass(ctx.db, new Date(now.getTime() - month * 30 * DAY_MS), ctx.actor);
  await runSupervisionPass(ctx.db, now, ctx.actor);

  await seedAssessment(ctx, today, cities['1409'] as (typeof cities)[string]);
}

async function seedAssessment(ctx: SeedContext, today: string, xinzhou: { city: Unit; leads: Unit[] }) {
  const counties = xinzhou.leads.filter((u) => !u.code.includes('-'));
  const year = Number(today.slice(0, 4));
  const scheme = await createScheme(ctx, {
    code: `xinzhou-counties-${year}`,
    year,
    name: `忻州市${year}年度县（市、区）目标责任考核`,
    ownerUnit: '1409',
    assessedUnits: counties.map((c) => c.code),
    definition: {
      vetoEffect: 'zero_total',
      quarterWeights: [15, 25, 25, 35],
      grades: {
        bands: [
          { grade: 'excellent', atLeast: 90 },
          { grade: 'good', atLeast: 80 },
          { grade: 'pass', atLeast: 60 },
        ],
        lowest: 'fail',
      },
      categories: [
        {
          code: 'key_work',
          name: '重点工作',
          items: [
            { code: 'tasks_on_time', name: '重点任务按期完成', cadence: 'quarterly', kind: 'timeliness', points: 30 },
            {
              code: 'supervision',
              name: '督查扣分',
              cadence: 'annual',
              kind: 'deduction',
              points: 15,
              pointsPerEvent: { yellow: 1, red: 2 },
            },
          ],
        },
        {
          code: 'development',
          name: '发展成效',
          items: [
            {
              code: 'rural_income',
              name: '农村居民人均可支配收入增长',
              cadence: 'annual',
              kind: 'attainment',
              points: 15,
              direction: 'higher_is_better',
              cap: 1.2,
              indicatorCode: 'RURAL_INCOME_GROWTH',
            },
            {
              code: 'poverty_relapse',
              name: '返贫致贫发生率',
              cadence: 'annual',
              kind: 'attainment',
              points: 10,
              direction: 'lower_is_better',
              cap: 1,
              indicatorCode: 'RELAPSE_RATE',
            },
          ],
        },
        {
          code: 'evaluation',
          name: '社会评价与加减分',
          items: [
            { code: 'social', name: '社会评价（群众满意度）', cadence: 'annual', kind: 'entered', points: 25 },
            { code: 'innovation', name: '创新创优加分', cadence: 'annual', kind: 'bonus', points: 5 },
            { code: 'production_safety', name: '安全生产一票否决', cadence: 'annual', kind: 'veto' },
          ],
        },
      ],
    },
  });
  for (const [index, county] of counties.entries()) {
    await enterIndicatorValue(ctx, {
      schemeId: scheme.id,
      unit: county.code,
      itemCode: 'rural_income',
      period: 'year',
      actual: 6 + (index % 5) * 0.6,
      target: 7,
    });
    await enterIndicatorValue(ctx, {
      schemeId: scheme.id,
      unit: county.code,
      itemCode: 'poverty_relapse',
      period: 'year',
      actual: 0.1 + (index % 4) * 0.05,
      target: 0.2,
    });
    await enterScore(ctx, {
      schemeId: scheme.id,
      unit: county.code,
      itemCode: 'social',
      score: 78 + ((index * 7) % 20),
    });
  }
  const kelan = counties.find((c) => c.code === '140929000000') ?? counties[0];
  if (!kelan) return;
  const claim = await claimBonus(ctx, {
    schemeId: scheme.id,
    unit: kelan.code,
    itemCode: 'innovation',
    points: 3,
    reason: '易地扶贫搬迁“岢岚经验”获全国推广',
    files: [],
  });
  await decideBonusClaim(ctx, {
    schemeId: scheme.id,
    id: claim.id,
    decision: 'approve',
    reason: '经核实，予以加分',
    version: claim.version,
  });
  await createRun(ctx, { schemeId: scheme.id, asOf: today });
  // The first county with a red spell applies against it, and the city approves: the exemption in the demo.
  let exempted: { county: Unit; eventId: string } | undefined;
  for (const county of counties) {
    const red = await firstColourEvent(ctx.db, county.path, 'red');
    if (red) {
      exempted = { county, eventId: `colour:${red.id}` };
      break;
    }
  }
  if (!exempted) return;
  const applied = await applyForExemption(ctx, {
    schemeId: scheme.id,
    unit: exempted.county.code,
    eventId: exempted.eventId,
    reason: '受汛期强降雨影响停工，已按程序报备，属于容错情形',
    reducePoints: null,
    files: [],
  });
  await decideExemption(ctx, {
    schemeId: scheme.id,
    id: applied.id,
    decision: 'approve',
    reason: '经市纪委监委、组织部会商，予以免责',
    version: applied.version,
  });
}
