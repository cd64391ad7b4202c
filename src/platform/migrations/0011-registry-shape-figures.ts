import { type Kysely, sql } from 'kysely';
import { STATS_FIRST_YEAR, STATS_LAST_YEAR } from './0003-registry.ts';
import {
  createApplyHouseholdFigures,
  createHouseholdFigures,
  createRefreshVillageStats,
} from './0008-registry-stats.ts';

/**
 * The registry figures split in two: the households' "shapes" (what 0008 grouped households into: village,
 * main cause, the years of registration, exit, membership and monitoring, and how many households share
 * them), and the figures of shapes spread over the years. An import knows the shapes of the households it
 * creates from its staged rows, so it no longer rereads their memberships to find them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create type registry_household_shape as (
      village_id integer, main_cause text, registered_year integer, exited_year integer,
      froms integer[], untils integer[], counts integer[], monitored_froms integer[], monitored_untils integer[],
      households integer
    )`.execute(db);

  // The shapes of the given households, read from their memberships, lifecycle events and dates. Years not
  // reached (no registration, no exit, a membership or monitoring still open) are 9999.
  await sql`
    create function registry_household_shapes(households bigint[])
    returns setof registry_household_shape language sql stable rows 10000 as $$
      with chosen as (select distinct id from unnest(households) as t (id)),
      member_groups as (
        select m.household_id, extract(year from m.start_on)::int as from_year,
          coalesce(extract(year from m.end_on)::int, 9999) as until_year, count(*)::int as members
        from registry_membership m
        join chosen c on c.id = m.household_id
        group by 1, 2, 3
      ),
      members as (
        select household_id,
          array_agg(from_year order by from_year, until_year) as froms,
          array_agg(until_year order by from_year, until_year) as untils,
          array_agg(members order by from_year, until_year) as counts
        from member_groups group by household_id
      ),
      monitoring_events as (
        select e.household_id, e.to_status, e.effective_on,
          lead(e.effective_on) over (partition by e.household_id order by e.effective_on, e.id) as next_on
        from registry_lifecycle_event e
        join chosen c on c.id = e.household_id
        where e.to_status in ('monitored', 'risk_eliminated')
      ),
      monitoring_periods as (
        select household_id, effective_on as from_on, next_on as to_on
        from monitoring_events where to_status = 'monitored'
        union all
        select h.id, h.monitored_since, h.risk_eliminated_on
        from registry_household h
        join chosen c on c.id = h.id
        where h.monitored_since is not null
          -- A hashed list: an anti-join against the CTE plans as a nested loop over every monitored household.
          and h.id not in (select e.household_id from monitoring_events e where e.to_status = 'monitored')
      ),
      monitoring as (
        select household_id,
          array_agg(extract(year from from_on)::int order by from_on) as froms,
          array_agg(coalesce(extract(year from to_on)::int, 9999) order by from_on) as untils
        from monitoring_periods group by household_id
      )
      select h.village_id, h.main_cause,
        coalesce(extract(year from h.registered_on)::int, 9999),
        coalesce(extract(year from h.exited_on)::int, 9999),
        m.froms, m.untils, m.counts, mo.froms, mo.untils,
        count(*)::int
      from members m
      join registry_household h on h.id = m.household_id
      left join monitoring mo on mo.household_id = m.household_id
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9
    $$`.execute(db);

  // What shapes contribute to their villages' figures, per year-end and main cause. Persons are memberships:
  // registered counts everyone who belonged to a registered household by the year's end; poor, exited and
  // monitored count members then. Every test is "on or before 31 December", so only the years matter.
  await sql
    .raw(
      `
    create function registry_shape_figures(shapes registry_household_shape[])
    returns table (
      village_id integer, year smallint, cause text,
      registered_households integer, registered_persons integer, poor_households integer, poor_persons integer,
      exited_households integer, exited_persons integer, monitored_households integer, monitored_persons integer
    ) language sql immutable rows 100000 as $$
      -- Materialized: each figure below reads these columns several times. Most shapes have one group of
      -- members and no monitoring, which needs no look into the arrays.
      with shape_years as materialized (
        select s.village_id, s.main_cause, s.households, y.year,
          s.registered_year <= y.year as registered,
          s.registered_year <= y.year and s.exited_year > y.year as poor,
          s.exited_year <= y.year as exited,
          s.monitored_froms is not null and exists (select from unnest(s.monitored_froms, s.monitored_untils) p (f, u)
            where p.f <= y.year and p.u > y.year) as monitored,
          case when cardinality(s.froms) = 1 then s.counts[1]
            else (select sum(g.n) from unnest(s.froms, s.counts) g (f, n) where g.f <= y.year)::int
          end as ever,
          case when cardinality(s.froms) = 1 then (case when s.untils[1] > y.year then s.counts[1] else 0 end)
            else coalesce((select sum(g.n) from unnest(s.froms, s.untils, s.counts) g (f, u, n)
              where g.f <= y.year and g.u > y.year), 0)::int
          end as present
        from unnest(shapes) s
        join generate_series(${STATS_FIRST_YEAR}, ${STATS_LAST_YEAR}) y (year) on y.year >= s.froms[1]
      )
      select village_id, year::smallint, main_cause,
        coalesce(sum(households) filter (where registered), 0)::int,
        coalesce(sum(households * ever) filter (where registered), 0)::int,
        coalesce(sum(households) filter (where poor and present > 0), 0)::int,
        coalesce(sum(households * present) filter (where poor), 0)::int,
        coalesce(sum(households) filter (where exited and present > 0), 0)::int,
        coalesce(sum(households * present) filter (where exited), 0)::int,
        coalesce(sum(households) filter (where monitored and present > 0), 0)::int,
        coalesce(sum(households * present) filter (where monitored), 0)::int
      from shape_years
      group by village_id, year, main_cause
    $$`,
    )
    .execute(db);

  // Adds (sign 1) or takes away (sign -1) what the shapes contribute. Villages without statistics yet get
  // every year's row inserted with the figures (an import into empty villages writes each row once); the
  // others are updated by the differences.
  await sql`
    create function registry_apply_shape_figures(shapes registry_household_shape[], sign integer)
    returns void language sql as $$
      with delta as materialized (select * from registry_shape_figures(shapes)),
      by_cause as (
        insert into registry_village_cause_stats as s
        select year, village_id, cause, sign * registered_households, sign * registered_persons,
          sign * poor_households, sign * poor_persons
        from delta
        on conflict (year, village_id, cause) do update set
          registered_households = s.registered_households + excluded.registered_households,
          registered_persons = s.registered_persons + excluded.registered_persons,
          poor_households = s.poor_households + excluded.poor_households,
          poor_persons = s.poor_persons + excluded.poor_persons
      ),
      by_village as materialized (
        select year, village_id, sign * sum(registered_households)::int as registered_households,
          sign * sum(registered_persons)::int as registered_persons, sign * sum(poor_households)::int as poor_households,
          sign * sum(poor_persons)::int as poor_persons, sign * sum(exited_households)::int as exited_households,
          sign * sum(exited_persons)::int as exited_persons, sign * sum(monitored_households)::int as monitored_households,
          sign * sum(monitored_persons)::int as monitored_persons
        from delta group by year, village_id
      ),
      new_villages as materialized (
        select d.village_id from (select distinct village_id from by_village) d
        where not exists (select from registry_village_stats s where s.village_id = d.village_id)
      ),
      updated as (
        update registry_village_stats s set
          registered_households = s.registered_households + d.registered_households,
          registered_persons = s.registered_persons + d.registered_persons,
          poor_households = s.poor_households + d.poor_households,
          poor_persons = s.poor_persons + d.poor_persons,
          exited_households = s.exited_households + d.exited_households,
          exited_persons = s.exited_persons + d.exited_persons,
          monitored_households = s.monitored_households + d.monitored_households,
          monitored_persons = s.monitored_persons + d.monitored_persons
        from by_village d
        where s.year = d.year and s.village_id = d.village_id
          and d.village_id not in (select village_id from new_villages)
      )
      insert into registry_village_stats
      select p.year, p.village_id, p.population,
        coalesce(d.registered_households, 0), coalesce(d.registered_persons, 0), coalesce(d.poor_households, 0),
        coalesce(d.poor_persons, 0), coalesce(d.exited_households, 0), coalesce(d.exited_persons, 0),
        coalesce(d.monitored_households, 0), coalesce(d.monitored_persons, 0)
      from registry_rural_population_by_year(array(select village_id from new_villages)) p
      left join by_village d on d.village_id = p.village_id and d.year = p.year
    $$`.execute(db);

  await sql`
    create or replace function registry_apply_household_figures(households bigint[], sign integer)
    returns void language sql as $$
      select registry_apply_shape_figures(array(select s from registry_household_shapes(households) s), sign)
    $$`.execute(db);
  await sql`drop function registry_household_figures`.execute(db);

  // The recount of villages in two parts: the household figures, and the assistance measures. A bulk load
  // whose measures were counted by the measure triggers as they went in recounts only the first.
  await sql
    .raw(
      `
    create function registry_refresh_household_figures(villages integer[]) returns void language sql as $$
      delete from registry_village_stats where village_id = any(villages);
      delete from registry_village_cause_stats where village_id = any(villages);
      select registry_apply_household_figures(
        array(select id from registry_household where village_id = any(villages)), 1);
      insert into registry_village_stats
      select p.year, p.village_id, p.population, 0, 0, 0, 0, 0, 0, 0, 0
      from registry_rural_population_by_year(villages) p
      where not exists (select from registry_village_stats s where s.village_id = p.village_id);
    $$`,
    )
    .execute(db);
  await sql
    .raw(
      `
    create or replace function registry_refresh_village_stats(villages integer[]) returns void language sql as $$
      select registry_refresh_household_figures(villages);
      select registry_recount_measure_stats(villages,
        array(select generate_series(${STATS_FIRST_YEAR}, ${STATS_LAST_YEAR})));
    $$`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function registry_refresh_village_stats`.execute(db);
  await createRefreshVillageStats(db);
  await sql`drop function registry_refresh_household_figures`.execute(db);
  await createHouseholdFigures(db);
  await sql`drop function registry_apply_household_figures`.execute(db);
  await createApplyHouseholdFigures(db);
  await sql`drop function registry_apply_shape_figures, registry_shape_figures, registry_household_shapes`.execute(db);
  await sql`drop type registry_household_shape`.execute(db);
}
