import { sql } from 'kysely';
import type pg from 'pg';
import { appendAudit } from '../../../platform/audit.ts';
import type { Executor, Tx } from '../../../platform/database.ts';
import { authorize } from '../../auth/access.ts';
import type { ServiceContext } from '../../auth/context.ts';
import { abolishUnit, mergeUnit } from '../../org/service.ts';
import {
  type CopyValue,
  copyArray,
  copyRows,
  withCopyTransaction,
  withForeignKeysDeferredToEnd,
} from '../../../platform/copy.ts';
import { refreshHouseholdFigures } from '../queries.ts';
import { REGISTRATION_YEAR } from './calibration.ts';
import { generateRegistry } from './generate-registry.ts';
import type { DemoHousehold, DemoRegistry, DemoVillageInput } from './types.ts';

export const DEMO_REGISTRY_SEED = 20140401;

const BULK_TABLES = [
  'registry_household',
  'registry_membership',
  'registry_income',
  'registry_measure',
  'registry_pairing',
  'registry_lifecycle_event',
  'registry_rural_population',
];

export type SeedProgress = { phase: string; done: number; total: number };

/** The measured steps of the demo load, for the benchmark's profile. */
export type SeedStep = 'generate' | 'copy' | 'statistics' | 'foreign_keys' | 'analyze' | 'village_changes';

/** The villages (level 5) under a prefecture as the org tree holds them, with township and county. */
export async function demoVillages(db: Executor, cityCode: string): Promise<DemoVillageInput[]> {
  const rows = await db
    .selectFrom('org_unit as v')
    .innerJoin('org_unit as t', 't.id', 'v.parent_id')
    .innerJoin('org_unit as c', 'c.id', 't.parent_id')
    .select(['v.code', 'v.name', 't.code as township_code', 'c.code as county_code', 'c.name as county_name'])
    .where('v.level', '=', 5)
    .where('v.code', 'like', `${cityCode.slice(0, 4)}%`)
    .where('v.ended_on', 'is', null)
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    townshipCode: row.township_code,
    countyCode: row.county_code,
    countyName: row.county_name,
  }));
}

/** Consecutive ids taken from a table's identity sequence, so COPY can write keys the rows refer to. */
async function reserveIds(tx: Tx, table: string, count: number): Promise<number> {
  if (count === 0) return 1;
  const { rows } = await sql<{ first: string }>`
    select setval(pg_get_serial_sequence(${table}, 'id'), nextval(pg_get_serial_sequence(${table}, 'id')) + ${count - 1})
      - ${count - 1} as first`.execute(tx);
  return Number(rows[0]?.first);
}

function statusOf(household: DemoHousehold): { status: string; kind: string | null } {
  if (household.monitoring) {
    return {
      status: household.monitoring.riskEliminatedOn ? 'risk_eliminated' : 'monitored',
      kind: household.monitoring.kind,
    };
  }
  if (household.exitedOn) return { status: 'exited', kind: null };
  return { status: 'registered', kind: null };
}

function* lifecycleEvents(household: DemoHousehold, id: number): Generator<CopyValue[]> {
  const event = (from: string | null, to: string, kind: string | null, on: string, reason: string) => [
    id,
    from,
    to,
    kind,
    on,
    reason,
  ];
  if (household.identifiedOn) yield event(null, 'identified', null, household.identifiedOn, '2014年建档立卡识别');
  if (household.registeredOn) {
    yield event('identified', 'registered', null, household.registeredOn, '两公示一公告后录入');
  }
  if (household.exitedOn) yield event('registered', 'exited', null, household.exitedOn, '收入超过标准，两不愁三保障');
  const monitoring = household.monitoring;
  if (monitoring) {
    const from = household.exitedOn ? 'exited' : null;
    yield event(from, 'monitored', monitoring.kind, monitoring.from, '纳入防止返贫监测');
    if (monitoring.riskEliminatedOn) {
      yield event('monitored', 'risk_eliminated', monitoring.kind, monitoring.riskEliminatedOn, '风险消除');
    }
  }
}

/** Writes the generated registry with COPY inside the caller's transaction; returns the villages' ids. */
async function copyRegistry(
  tx: Tx,
  client: pg.PoolClient,
  registry: DemoRegistry,
  report: (progress: SeedProgress) => void,
) {
  const villageRows = await tx
    .selectFrom('org_unit')
    .select(['id', 'code'])
    .where('code', 'in', [...registry.villagePopulation.keys()])
    .execute();
  const villageId = new Map(villageRows.map((row) => [row.code, row.id]));
  const idOfVillage = (code: string) => {
    const id = villageId.get(code);
    if (id === undefined) throw new Error(`demo village ${code} is not in the org tree`);
    return id;
  };

  const total = registry.persons.length;
  const householdBase = await reserveIds(tx, 'registry_household', registry.households.length);
  const personBase = await reserveIds(tx, 'registry_person', registry.persons.length);
  const cadreBase = await reserveIds(tx, 'registry_cadre', registry.cadres.length);
  const householdId = new Map(registry.households.map((h, index) => [h.key, householdBase + index]));
  const cadreId = new Map(registry.cadres.map((c, index) => [c.key, cadreBase + index]));
  const household = (key: string) => householdId.get(key) ?? 0;

  report({ phase: 'households', done: 0, total });
  await copyRows(
    client,
    'registry_cadre',
    ['id', 'key', 'name', 'sex', 'unit_code', 'level'],
    registry.cadres.map((c, index) => [cadreBase + index, c.key, c.name, c.sex, c.unitCode, c.level]),
  );
  await copyRows(
    client,
    'registry_household',
    [
      'id',
      'number',
      'village_id',
      'type',
      'main_cause',
      'secondary_causes',
      'status',
      'monitoring_kind',
      'identified_on',
      'registered_on',
      'exited_on',
      'monitored_since',
      'risk_eliminated_on',
      'food_secured',
      'clothing_secured',
      'compulsory_education_secured',
      'basic_medical_care_secured',
      'safe_housing',
      'safe_drinking_water',
      'large_costs_resolved',
    ],
    registry.households.map((h, index) => {
      const { status, kind } = statusOf(h);
      const secured = h.exitedOn !== null || h.monitoring?.riskEliminatedOn != null;
      return [
        householdBase + index,
        h.key,
        idOfVillage(h.villageCode),
        h.type,
        h.mainCause,
        copyArray(h.secondaryCauses),
        status,
        kind,
        h.identifiedOn ?? h.monitoring?.from ?? null,
        h.registeredOn,
        h.exitedOn,
        h.monitoring?.from ?? null,
        h.monitoring?.riskEliminatedOn ?? null,
        secured,
        secured,
        secured,
        secured,
        secured,
        secured,
        h.monitoring?.riskEliminatedOn != null,
      ];
    }),
  );

  const startOf = new Map(
    registry.households.map((h) => [h.key, h.identifiedOn ?? h.monitoring?.from ?? `${REGISTRATION_YEAR}-01-01`]),
  );
  const persons = registry.persons;
  await copyRows(
    client,
    'registry_person',
    [
      'id',
      'id_number',
      'name',
      'sex',
      'birth_date',
      'ethnicity',
      'education',
      'school_status',
      'health',
      'labour_capacity',
      'months_working_away',
      'medical_insurance',
      'pension_insurance',
    ],
    persons.map((p, index) => [
      personBase + index,
      p.idNumber,
      p.name,
      p.sex,
      p.birthDate,
      p.ethnicity,
      p.education,
      p.schoolStatus,
      p.health,
      p.labourCapacity,
      p.monthsWorkingAway,
      p.insurance.medical,
      p.insurance.pension,
    ]),
    (rows) => report({ phase: 'persons', done: rows, total }),
  );
  await copyRows(
    client,
    'registry_membership',
    ['household_id', 'person_id', 'relation', 'start_on'],
    persons.map((p, index) => [
      household(p.householdKey),
      personBase + index,
      p.relation,
      startOf.get(p.householdKey) ?? null,
    ]),
    (rows) => report({ phase: 'memberships', done: rows, total }),
  );

  report({ phase: 'incomes', done: total, total });
  const ids = registry.households.map((h) => household(h.key));
  await copyRows(
    client,
    'registry_income',
    ['household_id', 'year', 'per_capita_net_income'],
    registry.households.flatMap((h, i) => h.incomes.map((inc) => [ids[i]!, inc.year, inc.perCapitaNetIncome])),
  );
  report({ phase: 'measures', done: total, total });
  await copyRows(
    client,
    'registry_measure',
    ['household_id', 'type', 'given_on', 'amount_yuan'],
    registry.households.flatMap((h, i) => h.measures.map((m) => [ids[i]!, m.type, m.on, m.amountYuan])),
  );
  report({ phase: 'cadre pairings', done: total, total });
  await copyRows(
    client,
    'registry_pairing',
    ['household_id', 'cadre_id', 'from_on', 'to_on'],
    registry.households.flatMap((h, i) => h.pairings.map((p) => [ids[i]!, cadreId.get(p.cadreKey) ?? 0, p.from, p.to])),
  );
  report({ phase: 'lifecycle events', done: total, total });
  await copyRows(
    client,
    'registry_lifecycle_event',
    ['household_id', 'from_status', 'to_status', 'monitoring_kind', 'effective_on', 'reason'],
    registry.households.flatMap((h, i) => [...lifecycleEvents(h, ids[i]!)]),
  );
  await copyRows(
    client,
    'registry_rural_population',
    ['village_id', 'year', 'population'],
    [...registry.villagePopulation].map(([code, population]) => [idOfVillage(code), REGISTRATION_YEAR, population]),
  );
  report({ phase: 'relocation projects', done: total, total });
  await insertRelocationProjects(tx, registry, idOfVillage);
  return [...villageId.values()];
}

/** One project per whole-village move: the households of the village, their housing and reclaimed plots. */
async function insertRelocationProjects(tx: Tx, registry: DemoRegistry, idOfVillage: (code: string) => number) {
  const sizeOf = new Map<string, number>();
  for (const person of registry.persons) sizeOf.set(person.householdKey, (sizeOf.get(person.householdKey) ?? 0) + 1);
  const totals = new Map<string, { households: number; persons: number; area: number; reclaimed: number }>();
  for (const h of registry.households) {
    for (const m of h.measures) {
      if (m.type !== 'relocation') continue;
      const entry = totals.get(h.villageCode) ?? { households: 0, persons: 0, area: 0, reclaimed: 0 };
      entry.households += 1;
      entry.persons += sizeOf.get(h.key) ?? 0;
      entry.area += m.housingAreaM2;
      entry.reclaimed += m.reclaimedHousePlotM2;
      totals.set(h.villageCode, entry);
    }
  }
  for (const village of registry.relocatedVillages) {
    const entry = totals.get(village.code) ?? { households: 0, persons: 0, area: 0, reclaimed: 0 };
    const project = await tx
      .insertInto('registry_relocation_project')
      .values({
        name: `${village.code} 整村搬迁`,
        destination_village_id: idOfVillage(village.destinationVillageCode),
        moved_on: village.movedOn,
        households: entry.households,
        persons: entry.persons,
        housing_area_m2: entry.area,
        reclaimed_plot_m2: entry.reclaimed,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('registry_relocation_origin')
      .values({ project_id: project.id, village_id: idOfVillage(village.code) })
      .execute();
  }
}

/**
 * Generates Xinzhou's registry over the villages of the org tree and loads it: the records by COPY in one
 * transaction with its audit record, then the 533 village cancellations as dated merges and abolitions in
 * the versioned org tree (through the org service, each audited), so the statistics before a change stay
 * with the village as it was.
 */
export async function seedDemoRegistry(
  ctx: ServiceContext & { connectionString: string },
  options: {
    cityCode: string;
    onProgress?: (progress: SeedProgress) => void;
    onStep?: (step: SeedStep, seconds: number) => void;
  },
) {
  authorize(ctx.access, 'registry.manage');
  const report = options.onProgress ?? (() => {});
  let stepStarted = performance.now();
  const stepDone = (name: SeedStep) => {
    const now = performance.now();
    options.onStep?.(name, (now - stepStarted) / 1000);
    stepStarted = now;
  };
  report({ phase: 'generating', done: 0, total: 0 });
  const villages = await demoVillages(ctx.db, options.cityCode);
  const registry = generateRegistry(villages, { seed: DEMO_REGISTRY_SEED });
  stepDone('generate');
  await withCopyTransaction(ctx.connectionString, async (tx, client) => {
    await withForeignKeysDeferredToEnd(tx, BULK_TABLES, async () => {
      const villageIds = await copyRegistry(tx, client, registry, report);
      stepDone('copy');
      report({ phase: 'statistics', done: registry.persons.length, total: registry.persons.length });
      // The measures were counted by their triggers as they were copied.
      await refreshHouseholdFigures(tx, villageIds);
      stepDone('statistics');
    });
    stepDone('foreign_keys');
    // Freshly filled tables have no statistics until autovacuum comes round: without them the planner scans, and
    // the first registrations after the load (the demo's duplicate cases, a clerk's first household) take
    // seconds each instead of milliseconds.
    await sql`analyze registry_person, ${sql.raw(BULK_TABLES.join(', '))}, registry_village_stats,
      registry_village_cause_stats, registry_village_measure_stats`.execute(tx);
    stepDone('analyze');
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.demo_generated',
        entity: 'registry_household',
        entityId: options.cityCode,
        after: {
          seed: DEMO_REGISTRY_SEED,
          households: registry.households.length,
          persons: registry.persons.length,
          relocatedVillages: registry.relocatedVillages.length,
        },
      },
      ctx.clock.now(),
    );
  });

  const cancelled = [...registry.cancelledVillages].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let done = 0;
  for (const village of cancelled) {
    const reason = village.kind === 'merged' ? '整村搬迁后并入安置村' : '整村搬迁后撤销建制';
    if (village.mergedInto) {
      await mergeUnit(ctx, {
        code: village.code,
        intoCode: village.mergedInto,
        effectiveOn: village.on,
        reason,
        version: 1,
      });
    } else {
      await abolishUnit(ctx, { code: village.code, effectiveOn: village.on, reason, version: 1 });
    }
    done += 1;
    report({ phase: 'village changes', done, total: cancelled.length });
  }
  stepDone('village_changes');
  return {
    households: registry.households.length,
    persons: registry.persons.length,
    cancelledVillages: cancelled.length,
    relocatedVillages: registry.relocatedVillages.length,
  };
}
