import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';
import type { RegistryHouseholdTable, RegistryMembershipTable, RegistryPersonTable } from '../../platform/db-schema.ts';

export function unitByCode(db: Executor, code: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'code', 'name', 'level', 'path', 'ended_on', 'kind'])
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function nextHouseholdSequence(db: Executor, villageCode: string): Promise<number> {
  const row = await db
    .selectFrom('registry_household')
    .select(sql<number>`coalesce(max(substr(number, 14)::int), 0) + 1`.as('next'))
    .where('number', 'like', `${villageCode}-%`)
    .executeTakeFirstOrThrow();
  return row.next;
}

/** Persons with these numbers who are members of a household now, with that household's number. */
export function currentMembershipsOf(db: Executor, idNumbers: readonly string[]) {
  if (idNumbers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('registry_person as p')
    .innerJoin('registry_membership as m', (join) => join.onRef('m.person_id', '=', 'p.id').on('m.end_on', 'is', null))
    .innerJoin('registry_household as h', 'h.id', 'm.household_id')
    .select(['p.id as person_id', 'p.id_number', 'm.relation', 'h.id as household_id', 'h.number as household_number'])
    .where('p.id_number', 'in', idNumbers)
    .execute();
}

/**
 * Serialises registrations that touch the same village (its next household number) or the same identity
 * numbers, until the caller's transaction ends: the second of two clerks registering one person at once
 * then sees the first's household and queues the person as a duplicate, as if they had come one after the
 * other. Taken in a fixed order, so two registrations never deadlock.
 */
export async function lockRegistration(tx: Executor, options: { villageId: number; idNumbers: readonly string[] }) {
  const keys = [`village:${options.villageId}`, ...[...new Set(options.idNumbers)].sort().map((id) => `id:${id}`)];
  for (const key of keys) {
    await sql`select pg_advisory_xact_lock(hashtext('registry.registration'), hashtext(${key}))`.execute(tx);
  }
}

export function personsByIdNumbers(db: Executor, idNumbers: readonly string[]) {
  if (idNumbers.length === 0) return Promise.resolve([]);
  return db.selectFrom('registry_person').select(['id', 'id_number']).where('id_number', 'in', idNumbers).execute();
}

export function insertHousehold(db: Executor, values: Insertable<RegistryHouseholdTable>) {
  return db.insertInto('registry_household').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertPerson(db: Executor, values: Insertable<RegistryPersonTable>) {
  return db.insertInto('registry_person').values(values).returning('id').executeTakeFirstOrThrow();
}

export function insertMembership(db: Executor, values: Insertable<RegistryMembershipTable>) {
  return db.insertInto('registry_membership').values(values).execute();
}

function selectHouseholds(db: Executor) {
  return db
    .selectFrom('registry_household as h')
    .innerJoin('org_unit as v', 'v.id', 'h.village_id')
    .selectAll('h')
    .select(['v.code as village_code', 'v.name as village_name', 'v.path as village_path'])
    .select((eb) => [
      eb
        .selectFrom('registry_membership as m')
        .innerJoin('registry_person as p', 'p.id', 'm.person_id')
        .select('p.name')
        .whereRef('m.household_id', '=', 'h.id')
        .where('m.relation', '=', 'head')
        .where('m.end_on', 'is', null)
        .as('head_name'),
      eb
        .selectFrom('registry_membership as m')
        .innerJoin('registry_person as p', 'p.id', 'm.person_id')
        .select('p.id_number')
        .whereRef('m.household_id', '=', 'h.id')
        .where('m.relation', '=', 'head')
        .where('m.end_on', 'is', null)
        .as('head_id_number'),
      eb
        .selectFrom('registry_membership as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.household_id', '=', 'h.id')
        .where('m.end_on', 'is', null)
        .as('member_count'),
    ]);
}
export type HouseholdRow = Awaited<ReturnType<ReturnType<typeof selectHouseholds>['executeTakeFirstOrThrow']>>;

export function householdById(db: Executor, id: string) {
  return selectHouseholds(db).where('h.id', '=', id).executeTakeFirst();
}

export function lockHousehold(db: Executor, id: string) {
  return db
    .selectFrom('registry_household as h')
    .innerJoin('org_unit as v', 'v.id', 'h.village_id')
    .selectAll('h')
    .select(['v.code as village_code', 'v.path as village_path'])
    .where('h.id', '=', id)
    .forUpdate('h')
    .executeTakeFirst();
}
export type LockedHousehold = NonNullable<Awaited<ReturnType<typeof lockHousehold>>>;

export type HouseholdFilter = {
  scopePaths: readonly string[];
  underPath?: string;
  status?: string;
  q?: string;
  cause?: string;
  measure?: string;
  /** The households behind a year's breakdown: assisted within it (with `measure`), else registered by its end. */
  year?: number;
  limit: number;
  offset: number;
};

export function listHouseholds(db: Executor, options: HouseholdFilter) {
  let query = selectHouseholds(db).where((eb) =>
    eb.or(options.scopePaths.map((scope) => eb('v.path', 'like', `${scope}%`))),
  );
  if (options.underPath) query = query.where('v.path', 'like', `${options.underPath}%`);
  if (options.status) query = query.where('h.status', '=', options.status as never);
  if (options.cause) query = query.where('h.main_cause', '=', options.cause);
  const { measure, year } = options;
  if (measure !== undefined) {
    query = query.where((eb) => {
      let given = eb
        .selectFrom('registry_measure as g')
        .whereRef('g.household_id', '=', 'h.id')
        .where('g.type', '=', measure);
      if (year !== undefined)
        given = given.where('g.given_on', '>=', `${year}-01-01`).where('g.given_on', '<=', `${year}-12-31`);
      return eb.exists(given);
    });
  } else if (year !== undefined) {
    query = query.where('h.registered_on', '<=', `${year}-12-31`);
  }
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('h.number', 'like', `${options.q}%`),
        eb.exists(
          eb
            .selectFrom('registry_membership as m')
            .innerJoin('registry_person as p', 'p.id', 'm.person_id')
            .whereRef('m.household_id', '=', 'h.id')
            .where('p.name', 'like', like),
        ),
      ]),
    );
  }
  return Promise.all([
    query.orderBy('h.number').limit(options.limit).offset(options.offset).execute(),
    query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('total'))
      .executeTakeFirstOrThrow()
      .then((row) => row.total),
  ]);
}

export function membersOf(db: Executor, householdId: string) {
  return db
    .selectFrom('registry_membership as m')
    .innerJoin('registry_person as p', 'p.id', 'm.person_id')
    .select([
      'p.id as person_id',
      'p.name',
      'p.id_number',
      'p.sex',
      'p.birth_date',
      'p.health',
      'p.labour_capacity',
      'p.phone',
      'm.relation',
      'm.start_on',
      'm.end_on',
      'm.end_reason',
    ])
    .where('m.household_id', '=', householdId)
    .orderBy(sql`m.end_on is not null`)
    .orderBy(sql`m.relation <> 'head'`)
    .orderBy('m.id')
    .execute();
}
export type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];

export function incomesOf(db: Executor, householdId: string) {
  return db
    .selectFrom('registry_income')
    .select(['year', 'per_capita_net_income'])
    .where('household_id', '=', householdId)
    .orderBy('year')
    .execute();
}

export function incomeRecordsOf(db: Executor, householdId: string) {
  return db
    .selectFrom('registry_income_record')
    .select(['first_month', 'months', 'per_capita_income'])
    .where('household_id', '=', householdId)
    .execute();
}

export function measuresOf(db: Executor, householdId: string) {
  return db
    .selectFrom('registry_measure')
    .select(['id', 'type', 'given_on', 'amount_yuan', 'provider'])
    .where('household_id', '=', householdId)
    .orderBy('given_on')
    .orderBy('id')
    .execute();
}

export function pairingsOf(db: Executor, householdId: string) {
  return db
    .selectFrom('registry_pairing as r')
    .innerJoin('registry_cadre as c', 'c.id', 'r.cadre_id')
    .select(['c.name', 'c.unit_code', 'c.level', 'r.from_on', 'r.to_on'])
    .where('r.household_id', '=', householdId)
    .orderBy('r.from_on')
    .execute();
}

export function eventsOf(db: Executor, householdId: string) {
  return db
    .selectFrom('registry_lifecycle_event')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('effective_on')
    .orderBy('id')
    .execute();
}

/** Recounts the villages' per-year statistics from the records, inside the caller's transaction. */
export async function refreshVillageStats(db: Executor, villageIds: readonly number[]): Promise<void> {
  if (villageIds.length === 0) return;
  await sql`select registry_refresh_village_stats(${[...new Set(villageIds)]}::int[])`.execute(db);
}

/**
 * Recounts the villages' household figures only, for a bulk load whose assistance measures the measure
 * triggers already counted as they went in (recounting them again would double the work, not the figures).
 */
export async function refreshHouseholdFigures(db: Executor, villageIds: readonly number[]): Promise<void> {
  if (villageIds.length === 0) return;
  await sql`select registry_refresh_household_figures(${[...new Set(villageIds)]}::int[])`.execute(db);
}

/**
 * Units moved after the end of the earliest year asked, with the date: a village under one of them stood
 * elsewhere in the tree before that date. Nearly always empty, which keeps the roll-ups on current paths.
 */
function movedAfter(firstYear: number) {
  return sql`
    select m.path, c.effective_on from org_unit_change c
    join org_unit m on m.id = c.unit_id
    where c.change = 'moved' and c.effective_on > make_date(${firstYear}::int, 12, 31)`;
}

/**
 * The villages under a unit at the end of each year, as the org tree stood then (a cancelled village keeps
 * its path, so its history stays where it was): a village moved since — alone or with its township —
 * counts where it was, so a year's figures never follow later changes of the tree. When nothing moved
 * after the years asked (nearly always), the current paths are the paths of then and answer directly.
 */
async function villagesUnderAsOf(db: Executor, options: { path: string; years: readonly number[] }) {
  const under = `${options.path}%`;
  const years = [...options.years];
  const moved = movedAfter(Math.min(...years));
  const { rows } = await sql<{ any: boolean }>`select exists (${moved}) as any`.execute(db);
  if (!rows[0]?.any) {
    return sql`
      select v.id as village_id, y.year
      from org_unit v cross join unnest(${years}::int[]) y (year)
      where v.path like ${under} and v.level = 5`;
  }
  return sql`
    with moved as materialized (${moved})
    select v.id as village_id, y.year
    from unnest(${years}::int[]) y (year)
    cross join lateral (
      select v.id, v.path from org_unit v where v.path like ${under} and v.level = 5
      union
      select v.id, v.path from moved m
      join org_unit v on v.path like m.path || '%' and v.level = 5
      where m.effective_on > make_date(y.year, 12, 31)
    ) v
    where case
      when exists (select from moved m where m.effective_on > make_date(y.year, 12, 31) and v.path like m.path || '%')
      then org_unit_path_at(v.id, make_date(y.year, 12, 31)) like ${under}
      else true end`;
}

/** Sums the village figures under a unit for each year, over the villages under it then. */
export async function sumStats(db: Executor, options: { path: string; years: readonly number[] }) {
  if (options.years.length === 0) return [];
  const result = await sql<StatsRow>`
    select s.year,
      sum(s.rural_population) as rural_population,
      sum(s.registered_households) as registered_households,
      sum(s.registered_persons) as registered_persons,
      sum(s.poor_households) as poor_households,
      sum(s.poor_persons) as poor_persons,
      sum(s.exited_persons) as exited_persons,
      sum(s.monitored_persons) as monitored_persons
    from (${await villagesUnderAsOf(db, options)}) u
    join registry_village_stats s on s.village_id = u.village_id and s.year = u.year
    group by s.year
    order by s.year`.execute(db);
  return result.rows;
}
export type StatsRow = {
  year: number;
  rural_population: string | null;
  registered_households: string | null;
  registered_persons: string | null;
  poor_households: string | null;
  poor_persons: string | null;
  exited_persons: string | null;
  monitored_persons: string | null;
};

/**
 * The same sums for many units in one statement: each village's path (as it stood at the year's end) is
 * split into its ancestors' codes and matched against the units by a hash join, so ranking thousands of
 * villages costs one scan, not one per unit.
 */
export async function sumStatsByUnit(db: Executor, options: { codes: readonly string[]; year: number }) {
  if (options.codes.length === 0) return [];
  const result = await sql<StatsRow & { code: string }>`
    with moved as materialized (${movedAfter(options.year)})
    select segment.code, s.year,
      sum(s.rural_population) as rural_population,
      sum(s.registered_households) as registered_households,
      sum(s.registered_persons) as registered_persons,
      sum(s.poor_households) as poor_households,
      sum(s.poor_persons) as poor_persons,
      sum(s.exited_persons) as exited_persons,
      sum(s.monitored_persons) as monitored_persons
    from registry_village_stats s
    join org_unit v on v.id = s.village_id
    cross join lateral (select case
      when exists (select from moved m where v.path like m.path || '%')
      then org_unit_path_at(v.id, make_date(${options.year}::int, 12, 31))
      else v.path end as path) p
    cross join lateral unnest(string_to_array(trim(both '/' from p.path), '/')) as segment(code)
    where s.year = ${options.year} and segment.code = any(${[...options.codes]}::text[])
    group by segment.code, s.year`.execute(db);
  return result.rows;
}

/** Registered and poor households and persons by main cause under a unit at a year's end. */
export async function sumStatsByCause(db: Executor, options: { path: string; year: number }) {
  const result = await sql<{
    cause: string;
    registered_households: string;
    registered_persons: string;
    poor_households: string;
    poor_persons: string;
  }>`
    select s.cause,
      sum(s.registered_households) as registered_households,
      sum(s.registered_persons) as registered_persons,
      sum(s.poor_households) as poor_households,
      sum(s.poor_persons) as poor_persons
    from (${await villagesUnderAsOf(db, { path: options.path, years: [options.year] })}) u
    join registry_village_cause_stats s on s.village_id = u.village_id and s.year = u.year
    group by s.cause
    order by s.cause`.execute(db);
  return result.rows;
}

/** Assistance measures given in a year under a unit, by type: households assisted, measures and amount. */
export async function sumStatsByMeasure(db: Executor, options: { path: string; year: number }) {
  const result = await sql<{ measure: string; households: string; measures: string; amount_yuan: string }>`
    select s.measure, sum(s.households) as households, sum(s.measures) as measures,
      sum(s.amount_yuan) as amount_yuan
    from (${await villagesUnderAsOf(db, { path: options.path, years: [options.year] })}) u
    join registry_village_measure_stats s on s.village_id = u.village_id and s.year = u.year
    group by s.measure
    order by s.measure`.execute(db);
  return result.rows;
}

/** Relocation projects whose destination lies under a path, with their villages' codes and names. */
export function relocationsUnder(db: Executor, path: string) {
  return db
    .selectFrom('registry_relocation_project as p')
    .innerJoin('org_unit as d', 'd.id', 'p.destination_village_id')
    .selectAll('p')
    .select([
      'd.code as destination_code',
      'd.name as destination_name',
      sql<{ code: string; name: string }[]>`(select coalesce(json_agg(json_build_object('code', o.code, 'name', o.name)
        order by o.code), '[]') from registry_relocation_origin r join org_unit o on o.id = r.village_id
        where r.project_id = p.id)`.as('origins'),
    ])
    .where('d.path', 'like', `${path}%`)
    .orderBy('p.moved_on')
    .limit(1000)
    .execute();
}

export function lineSettings(db: Executor, kind?: 'poverty' | 'monitoring' | 'incidence_threshold') {
  let query = db.selectFrom('registry_line_setting').selectAll();
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('kind').orderBy('effective_from').orderBy('id').execute();
}

/** Current members of the households under a path, one row each, in household order. */
export function exportRows(db: Executor, path: string) {
  return db
    .selectFrom('registry_household as h')
    .innerJoin('org_unit as v', 'v.id', 'h.village_id')
    .innerJoin('registry_membership as m', (join) =>
      join.onRef('m.household_id', '=', 'h.id').on('m.end_on', 'is', null),
    )
    .innerJoin('registry_person as p', 'p.id', 'm.person_id')
    .select([
      'h.number',
      'v.code as village_code',
      'p.name',
      'p.id_number',
      'm.relation',
      'h.type',
      'h.main_cause',
      'h.registered_on',
      'p.phone',
    ])
    .where('v.path', 'like', `${path}%`)
    .orderBy('h.number')
    .orderBy(sql`m.relation <> 'head'`)
    .orderBy('m.id')
    .execute();
}

/** Whether a household has an active head now. */
export async function hasHead(db: Executor, householdId: string): Promise<boolean> {
  const row = await db
    .selectFrom('registry_membership')
    .select('id')
    .where('household_id', '=', householdId)
    .where('relation', '=', 'head')
    .where('end_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
