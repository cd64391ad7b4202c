import { type Kysely, sql } from 'kysely';
import { STATS_FIRST_YEAR, STATS_LAST_YEAR } from './0003-registry.ts';

/**
 * Registry statistics by main cause and by assistance measure, monitoring counted from the lifecycle events
 * (a household monitored again after its risk was eliminated keeps its earlier period), and statistics that
 * can be changed by deltas: an import adds what its households contribute instead of recounting villages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The aggregates carry no foreign key: their rows derive from households whose village is checked, and
  // checking each derived row again cost an import more than computing it.
  await sql`alter table registry_village_stats drop constraint registry_village_stats_village_id_fkey`.execute(db);
  await sql`
    create table registry_village_cause_stats (
      year smallint not null,
      village_id integer not null,
      cause text not null,
      registered_households integer not null,
      registered_persons integer not null,
      poor_households integer not null,
      poor_persons integer not null,
      primary key (year, village_id, cause)
    )`.execute(db);
  await sql`
    create table registry_village_measure_stats (
      year smallint not null,
      village_id integer not null,
      measure text not null,
      households integer not null,
      measures integer not null,
      amount_yuan numeric(16, 2) not null,
      primary key (year, village_id, measure)
    )`.execute(db);

  await createHouseholdFigures(db);

  // The villages' rural population each year: the latest figure up to that year, else 0.
  await sql
    .raw(
      `
    create function registry_rural_population_by_year(villages integer[])
    returns table (village_id integer, year smallint, population integer) language sql stable rows 100000 as $$
      with figures as (
        select p.village_id, p.year, p.population,
          coalesce(lead(p.year) over (partition by p.village_id order by p.year), 10000) as until_year
        from registry_rural_population p
        where p.village_id = any(villages)
      )
      select v.id, y.year::smallint, coalesce(f.population, 0)
      from (select distinct id from unnest(villages) as t (id)) v
      cross join generate_series(${STATS_FIRST_YEAR}, ${STATS_LAST_YEAR}) y (year)
      left join figures f on f.village_id = v.id and y.year >= f.year and y.year < f.until_year
    $$`,
    )
    .execute(db);

  await createApplyHouseholdFigures(db);

  // Assistance measures per village, year and type; kept by statement triggers (so a COPY of a million
  // measures recounts once), whichever code writes them.
  await sql
    .raw(
      `
    create function registry_recount_measure_stats(villages integer[], years integer[]) returns void language sql as $$
      delete from registry_village_measure_stats where village_id = any(villages) and year = any(years);
      insert into registry_village_measure_stats
      select extract(year from m.given_on)::smallint, h.village_id, m.type, count(distinct m.household_id), count(*),
        sum(m.amount_yuan)
      from registry_household h
      join registry_measure m on m.household_id = h.id
      where h.village_id = any(villages) and extract(year from m.given_on)::int = any(years)
        and m.given_on between make_date(${STATS_FIRST_YEAR}, 1, 1) and make_date(${STATS_LAST_YEAR}, 12, 31)
      group by 1, 2, 3
    $$`,
    )
    .execute(db);
  await sql`
    create function registry_measures_changed() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        perform registry_recount_measure_stats(
          array(select distinct h.village_id from new_rows n join registry_household h on h.id = n.household_id),
          array(select distinct extract(year from n.given_on)::int from new_rows n));
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        perform registry_recount_measure_stats(
          array(select distinct h.village_id from old_rows o join registry_household h on h.id = o.household_id),
          array(select distinct extract(year from o.given_on)::int from old_rows o));
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger registry_measure_inserted after insert on registry_measure
    referencing new table as new_rows for each statement execute function registry_measures_changed()`.execute(db);
  await sql`
    create trigger registry_measure_updated after update on registry_measure
    referencing old table as old_rows new table as new_rows
    for each statement execute function registry_measures_changed()`.execute(db);
  await sql`
    create trigger registry_measure_deleted after delete on registry_measure
    referencing old table as old_rows for each statement execute function registry_measures_changed()`.execute(db);

  await createRefreshVillageStats(db);
  await sql`select registry_refresh_village_stats(array(select distinct village_id from registry_household))`.execute(
    db,
  );
}

/** registry_household_figures as this migration made it (0011 splits it; its down restores this). */
export async function createHouseholdFigures(db: Kysely<unknown>): Promise<void> {
  // What the given households contribute to their villages' figures, per year-end and main cause. Persons
  // are memberships: registered counts everyone who belonged to a registered household by the year's end;
  // poor, exited and monitored count members then. Monitoring periods come from the lifecycle events (each
  // 'monitored' event opens one, the next monitoring event closes it); households monitored without events
  // fall back to their dates. Every test is "on or before 31 December", so only the years of the dates
  // matter: households of a village with the same years (nearly all of an import) are counted as one shape
  // and only the shapes are spread over the years.
  await sql
    .raw(
      `
    create function registry_household_figures(households bigint[])
    returns table (
      village_id integer, year smallint, cause text,
      registered_households integer, registered_persons integer, poor_households integer, poor_persons integer,
      exited_households integer, exited_persons integer, monitored_households integer, monitored_persons integer
    ) language sql stable rows 100000 as $$
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
      ),
      shapes as (
        select h.village_id, h.main_cause,
          coalesce(extract(year from h.registered_on)::int, 9999) as registered_year,
          coalesce(extract(year from h.exited_on)::int, 9999) as exited_year,
          m.froms, m.untils, m.counts, mo.froms as monitored_froms, mo.untils as monitored_untils,
          count(*)::int as households
        from members m
        join registry_household h on h.id = m.household_id
        left join monitoring mo on mo.household_id = m.household_id
        group by 1, 2, 3, 4, 5, 6, 7, 8, 9
      ),
      -- Materialized: each figure below reads these columns several times. Most shapes have one group of
      -- members and no monitoring, which needs no look into the arrays.
      shape_years as materialized (
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
        from shapes s
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
}

/** registry_apply_household_figures as this migration made it (0011 replaces it; its down restores this). */
export async function createApplyHouseholdFigures(db: Kysely<unknown>): Promise<void> {
  // Adds (sign 1) or takes away (sign -1) what the households contribute. Villages without statistics yet
  // get every year's row inserted with the figures (an import into empty villages writes each row once);
  // the others are updated by the differences.
  await sql`
    create function registry_apply_household_figures(households bigint[], sign integer) returns void language sql as $$
      with delta as materialized (select * from registry_household_figures(households)),
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
}

/** registry_refresh_village_stats as this migration made it (0011 splits it; its down restores this). */
export async function createRefreshVillageStats(db: Kysely<unknown>): Promise<void> {
  // The full recount of villages (after edits of single households) now goes through the same figures.
  await sql
    .raw(
      `
    create or replace function registry_refresh_village_stats(villages integer[]) returns void language sql as $$
      delete from registry_village_stats where village_id = any(villages);
      delete from registry_village_cause_stats where village_id = any(villages);
      select registry_apply_household_figures(
        array(select id from registry_household where village_id = any(villages)), 1);
      insert into registry_village_stats
      select p.year, p.village_id, p.population, 0, 0, 0, 0, 0, 0, 0, 0
      from registry_rural_population_by_year(villages) p
      where not exists (select from registry_village_stats s where s.village_id = p.village_id);
      select registry_recount_measure_stats(villages,
        array(select generate_series(${STATS_FIRST_YEAR}, ${STATS_LAST_YEAR})));
    $$`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists registry_measure_inserted on registry_measure`.execute(db);
  await sql`drop trigger if exists registry_measure_updated on registry_measure`.execute(db);
  await sql`drop trigger if exists registry_measure_deleted on registry_measure`.execute(db);
  await sql`drop function if exists registry_measures_changed, registry_recount_measure_stats`.execute(db);
  await sql`drop function if exists registry_apply_household_figures, registry_rural_population_by_year`.execute(db);
  await sql`drop function if exists registry_household_figures`.execute(db);
  await sql`drop table if exists registry_village_measure_stats, registry_village_cause_stats`.execute(db);
  await sql`
    alter table registry_village_stats add constraint registry_village_stats_village_id_fkey
    foreign key (village_id) references org_unit (id)`.execute(db);
}
