import { sql } from 'kysely';
import type pg from 'pg';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf, isIsoDate } from '../../platform/calendar-date.ts';
import type { Executor } from '../../platform/database.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { authorize, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { type CopyValue, copyRows, withCopyTransaction } from '../../platform/copy.ts';
import { idNumberIssue, idNumberValidator } from './id-numbers.ts';
import {
  isHouseholdType,
  isPovertyCause,
  LAYOUT,
  type LayoutKey,
  type LayoutRow,
  type LayoutSource,
  relationOf,
} from './import-layout.ts';
import { refuseLostRegistrationRace } from './registration-races.ts';

export type ImportProgress = { phase: 'validating' | 'writing' | 'statistics' | 'done'; done: number; total: number };

/** The measured steps of an import, for the benchmark's profile. */
export type ImportStep =
  | 'read_validate_stage'
  | 'analyze_stage'
  | 'check_memberships'
  | 'statistics_before'
  | 'households'
  | 'persons'
  | 'memberships'
  | 'analyze_registry'
  | 'check_heads'
  | 'statistics_after';

/** A row that passed validation, as the staging table's columns. */
type StagedRow = [
  row: number,
  householdNumber: string,
  villageId: number,
  name: string,
  idNumber: string,
  sex: 'male' | 'female',
  birthDate: string,
  relation: string,
  householdType: string,
  mainCause: string,
  registeredOn: string | null,
  phone: string | null,
  opensHousehold: boolean,
];

export type ImportReport = {
  dryRun: boolean;
  rows: number;
  households: number;
  newPersons: number;
  updatedPersons: number;
  errors: FieldIssue[];
};

/** At most this many problems are reported: a broken file of a million rows needs the first ones, not all. */
const MAX_ISSUES = 1000;

/** Rows validated and copied per round: validating the next chunk overlaps with PostgreSQL taking this one. */
const CHUNK_ROWS = 10_000;

const labelOf = (key: LayoutKey) => LAYOUT.find((column) => column.key === key)?.label ?? key;

type Village = { id: number; code: string; path: string; level: number | null; ended_on: string | null };

async function villagesByCode(db: Executor, codes: readonly string[]): Promise<Map<string, Village>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'code', 'path', 'level', 'ended_on'])
    .where(sql<boolean>`code = any(${codes}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.code, row]));
}

/**
 * Checks rows chunk by chunk (columns, ID numbers, village in scope, relation) and, once all are seen, every
 * household (one village, at most one head among its rows, no ID twice in the file), reporting each problem
 * with its row and column. Villages are looked up as new codes appear, so the file is read only once.
 */
async function rowValidator(ctx: ServiceContext) {
  const issues: FieldIssue[] = [];
  const issue = (row: number, key: LayoutKey, code: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ field: labelOf(key), row, code, message });
  };
  const validate = await idNumberValidator(chinaDateOf(ctx.clock.now()));
  const villages = new Map<string, Village | undefined>();
  const firstRowOfId = new Map<string, number>();
  const households = new Map<string, { village: string; heads: number; firstRow: number }>();
  let rows = 0;

  function check(cells: LayoutRow, row: number): StagedRow | undefined {
    let ok = true;
    for (const column of LAYOUT) {
      if (column.required && cells[column.key] === '') {
        issue(row, column.key, 'required', '');
        ok = false;
      }
    }
    if (!ok) return undefined;
    const id = validate(cells.id_number);
    if (!id.ok) {
      if (issues.length < MAX_ISSUES) issues.push(idNumberIssue(labelOf('id_number'), id, row));
      ok = false;
    } else {
      const first = firstRowOfId.get(id.normalized);
      if (first !== undefined) {
        issue(row, 'id_number', 'duplicate_in_file', `row ${first}`);
        ok = false;
      } else firstRowOfId.set(id.normalized, row);
    }
    const relation = relationOf(cells.relation);
    if (!relation) {
      issue(row, 'relation', 'unknown_relation', cells.relation);
      ok = false;
    }
    const village = villages.get(cells.village_code.padEnd(12, '0'));
    if (!village || village.level !== 5 || village.ended_on !== null) {
      issue(row, 'village_code', 'not_an_active_village', cells.village_code);
      ok = false;
    } else if (!pathInScope(ctx.access, village.path)) {
      issue(row, 'village_code', 'out_of_scope', cells.village_code);
      ok = false;
    }
    if (cells.household_type && !isHouseholdType(cells.household_type)) {
      issue(row, 'household_type', 'unknown_household_type', cells.household_type);
      ok = false;
    }
    if (cells.main_cause && !isPovertyCause(cells.main_cause)) {
      issue(row, 'main_cause', 'unknown_cause', cells.main_cause);
      ok = false;
    }
    if (cells.registered_on && !isIsoDate(cells.registered_on)) {
      issue(row, 'registered_on', 'invalid_date', cells.registered_on);
      ok = false;
    }
    if (cells.phone && !/^1\d{10}$/.test(cells.phone)) {
      issue(row, 'phone', 'invalid_phone', cells.phone);
      ok = false;
    }
    let household = households.get(cells.household_number);
    if (!household) {
      household = { village: cells.village_code, heads: 0, firstRow: row };
      households.set(cells.household_number, household);
    } else if (household.village !== cells.village_code) {
      issue(row, 'village_code', 'household_in_two_villages', household.village);
      ok = false;
    }
    if (relation === 'head') household.heads += 1;
    if (!ok || !id.ok || !village || !relation) return undefined;
    return [
      row,
      cells.household_number,
      village.id,
      cells.name,
      id.normalized,
      id.sex,
      id.birthDate,
      relation,
      cells.household_type || 'ordinary',
      cells.main_cause || 'other',
      cells.registered_on || null,
      cells.phone || null,
      household.firstRow === row,
    ];
  }

  return {
    issues,
    /** Validates the next rows of the file; those that pass come back ready to stage. */
    async chunk(cells: readonly LayoutRow[]): Promise<StagedRow[]> {
      const unseen = [...new Set(cells.map((c) => c.village_code.padEnd(12, '0')))].filter((c) => !villages.has(c));
      const found = await villagesByCode(ctx.db, unseen);
      for (const code of unseen) villages.set(code, found.get(code));
      const staged: StagedRow[] = [];
      for (const row of cells) {
        rows += 1;
        const ready = check(row, rows + 1);
        if (ready) staged.push(ready);
      }
      return staged;
    },
    /** The checks that need every row: heads counted over the whole file. */
    finish() {
      for (const [number, household] of households) {
        if (household.heads > 1) issue(household.firstRow, 'relation', 'head_count', `${number}: ${household.heads}`);
      }
      return { rows, households: households.size };
    },
  };
}

function* chunksOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

const STAGE_COLUMNS = [
  'row_no',
  'household_number',
  'village_id',
  'name',
  'id_number',
  'sex',
  'birth_date',
  'relation',
  'household_type',
  'main_cause',
  'registered_on',
  'phone',
  'opens_household',
];

/**
 * Parses, validates and stages the file in one pass: each chunk of valid rows is COPYed into the staging
 * table while the next chunk is validated. After the first problem nothing more is staged unless for a dry
 * run (the transaction will be refused) but validation goes on, so the report lists the file's problems.
 */
async function stageRows(
  ctx: ServiceContext,
  client: pg.PoolClient,
  options: { source: LayoutSource; stageInvalidFiles: boolean; report: (progress: ImportProgress) => void },
) {
  const validator = await rowValidator(ctx);
  let copying: Promise<void> = Promise.resolve();
  let done = 0;
  for (const cells of chunksOf(options.source.rows, CHUNK_ROWS)) {
    const staged = await validator.chunk(cells);
    done += cells.length;
    await copying;
    options.report({ phase: 'validating', done, total: Math.max(done, options.source.expectedRows) });
    if (validator.issues.length === 0 || options.stageInvalidFiles) {
      copying = copyRows(client, 'registry_import_stage', STAGE_COLUMNS, staged as CopyValue[][]);
    }
  }
  await copying;
  return { ...validator.finish(), issues: validator.issues };
}

/**
 * Imports the layout all-or-nothing in one transaction: rows are validated while they are staged with COPY
 * into a temporary table, then merged set-wise — households by number, persons matched on the ID number and
 * updated rather than duplicated, memberships added — and refused as a whole if any member belongs to another
 * household or a household ends without exactly one head. The statistics change by what the touched
 * households contribute (taken away before, added after), not by recounting their villages. A dry run
 * validates, stages and checks the same way, then writes nothing.
 */
export async function importRegistry(
  ctx: ServiceContext & { connectionString: string },
  options: {
    source: LayoutSource;
    dryRun: boolean;
    onProgress?: (progress: ImportProgress) => void;
    onStep?: (step: ImportStep, seconds: number) => void;
  },
): Promise<ImportReport> {
  authorize(ctx.access, 'registry.manage');
  const report = options.onProgress ?? (() => {});
  async function step<T>(name: ImportStep, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    options.onStep?.(name, (performance.now() - started) / 1000);
    return result;
  }
  const result = await withCopyTransaction(ctx.connectionString, async (tx, client) => {
    // The merges and figures sort and hash whole files; the default 4 MB would spill them to disk.
    await sql`set local work_mem = '128MB'`.execute(tx);
    await sql`create temporary table registry_import_stage (
      row_no integer, household_number text, village_id integer, name text, id_number text, sex text,
      birth_date date, relation text, household_type text, main_cause text, registered_on date, phone text,
      opens_household boolean
    ) on commit drop`.execute(tx);
    const staged = await step('read_validate_stage', () =>
      stageRows(ctx, client, { source: options.source, stageInvalidFiles: options.dryRun, report }),
    );
    const total = staged.rows;
    const issues = staged.issues;
    if (issues.length > 0 && !options.dryRun) {
      throw new AppError('REGISTRY_IMPORT_INVALID', { count: issues.length }, issues);
    }
    // A temporary table has no statistics until analysed: without them the merges below plan nested loops.
    await step('analyze_stage', () => sql`analyze registry_import_stage`.execute(tx));
    const conflicts = await step('check_memberships', async () => [
      ...(await membersOfOtherHouseholds(tx)),
      ...(await headsBesideStoredHead(tx)),
    ]);
    if (options.dryRun) {
      const matched = await personsMatched(tx);
      const errors = [...issues, ...conflicts].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)).slice(0, MAX_ISSUES);
      return { dryRun: true, rows: total, households: staged.households, ...matched, errors };
    }
    if (conflicts.length > 0) throw new AppError('REGISTRY_IMPORT_INVALID', { count: conflicts.length }, conflicts);

    report({ phase: 'writing', done: 0, total });
    // Households the file updates take their figures out first; they go back in with the new members below.
    await step('statistics_before', () =>
      sql`select registry_apply_household_figures(array(
        select h.id from registry_household h
        where h.number in (select household_number from registry_import_stage)), -1)`.execute(tx),
    );
    await sql`create temporary table registry_import_household (
      id bigint, number text, inserted boolean, village_id integer, main_cause text, identified_on date,
      registered_on date
    ) on commit drop`.execute(tx);
    const today = chinaDateOf(ctx.clock.now());
    await step('households', async () => {
      // A household takes its village, type, cause and dates from its first row, which validation marked (a
      // whole file is valid here): no sort of the file by household to find it.
      await sql`
        with upserted as (
          insert into registry_household (number, village_id, type, main_cause, status, identified_on, registered_on)
          select household_number, village_id, household_type, main_cause,
            case when registered_on is null then 'identified' else 'registered' end,
            coalesce(registered_on, ${today}::date), registered_on
          from registry_import_stage where opens_household
          on conflict (number) do update
            set type = excluded.type, main_cause = excluded.main_cause, version = registry_household.version + 1
          returning id, number, xmax = 0 as inserted, village_id, main_cause, identified_on, registered_on
        )
        insert into registry_import_household select * from upserted`.execute(tx);
      await sql`analyze registry_import_household`.execute(tx);
    });
    report({ phase: 'writing', done: Math.round(total / 3), total });
    const newPersons = await step('persons', async () => {
      await sql`create temporary table registry_import_person (id bigint, id_number text, inserted boolean) on commit drop`.execute(
        tx,
      );
      await sql`
        with upserted as (
          insert into registry_person (id_number, name, sex, birth_date, phone)
          select id_number, name, sex, birth_date, phone from registry_import_stage
          on conflict (id_number) do update
            set name = excluded.name, phone = coalesce(excluded.phone, registry_person.phone),
              version = registry_person.version + 1
          returning id, id_number, xmax = 0 as inserted
        )
        insert into registry_import_person select id, id_number, inserted from upserted`.execute(tx);
      await sql`analyze registry_import_person`.execute(tx);
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from registry_import_person where inserted`.execute(tx);
      return rows[0]?.n ?? 0;
    });
    report({ phase: 'writing', done: Math.round((total * 2) / 3), total });
    await step('memberships', async () => {
      // Present members keep their membership (the relation as the file states it); newcomers join the
      // household from its identification on. Only persons of the file can be members of its households, and
      // only persons and households that existed before can have a membership already.
      // Heads who step down go first: a head and a spouse swapping places in one statement would meet the
      // one-head index half-way through.
      for (const steppingDown of [true, false]) {
        await sql`
          update registry_membership m set relation = s.relation
          from registry_import_stage s
          join registry_import_person p on p.id_number = s.id_number and not p.inserted
          join registry_import_household h on h.number = s.household_number and not h.inserted
          where m.person_id = p.id and m.household_id = h.id and m.end_on is null and m.relation <> s.relation
            and (m.relation = 'head') = ${steppingDown}`.execute(tx);
      }
      await sql`
        insert into registry_membership (household_id, person_id, relation, start_on)
        select h.id, p.id, s.relation, h.identified_on
        from registry_import_stage s
        join registry_import_person p on p.id_number = s.id_number
        join registry_import_household h on h.number = s.household_number
        where p.inserted
          or not exists (select 1 from registry_membership m where m.person_id = p.id and m.end_on is null)`.execute(
        tx,
      );
    });
    // The registry tables have just grown by up to the whole file inside this transaction, where autovacuum
    // cannot see them: with the statistics of before, the checks and figures below plan nested loops over
    // what the planner takes for small tables (the reason large imports slowed down more than linearly).
    await step('analyze_registry', () =>
      sql`analyze registry_household, registry_person, registry_membership`.execute(tx),
    );
    await step('check_heads', () => assertOneHeadEach(tx));
    report({ phase: 'statistics', done: total, total });
    await step('statistics_after', () => addImportedFigures(tx));
    const summary = { rows: total, households: staged.households, newPersons, updatedPersons: total - newPersons };
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'registry.imported', entity: 'registry_household', entityId: null, after: summary },
      ctx.clock.now(),
    );
    return { dryRun: false, ...summary, errors: [] };
  }).catch(refuseLostRegistrationRace);
  report({ phase: 'done', done: result.rows, total: result.rows });
  return result;
}

/**
 * Adds what the touched households contribute now. The households the import created have exactly the
 * file's rows as members, all from the day the household was identified, and no exit or monitoring yet: their
 * shapes come from the staged rows, without rereading a million memberships. The households that existed
 * before (their figures were taken out) are shaped from the records like any other.
 */
async function addImportedFigures(tx: Executor) {
  await sql`
    select registry_apply_shape_figures(array(
      select row(village_id, main_cause, registered_year, 9999, array[from_year], array[9999], array[members],
        null, null, count(*)::int)::registry_household_shape
      from (
        select h.village_id, h.main_cause, coalesce(extract(year from h.registered_on)::int, 9999) as registered_year,
          extract(year from h.identified_on)::int as from_year, n.members
        from registry_import_household h
        join (select household_number, count(*)::int as members from registry_import_stage group by 1) n
          on n.household_number = h.number
        where h.inserted
      ) created
      group by village_id, main_cause, registered_year, from_year, members
    ) || array(
      select s from registry_household_shapes(array(select id from registry_import_household where not inserted)) s
    ), 1)`.execute(tx);
}

/** Persons of the file who are members of another household now: transfers go through change requests. */
async function membersOfOtherHouseholds(tx: Executor): Promise<FieldIssue[]> {
  const { rows } = await sql<{ row_no: number; number: string }>`
    select s.row_no, h.number
    from registry_import_stage s
    join registry_person p on p.id_number = s.id_number
    join registry_membership m on m.person_id = p.id and m.end_on is null
    join registry_household h on h.id = m.household_id
    where h.number <> s.household_number
    order by s.row_no limit ${MAX_ISSUES}`.execute(tx);
  return rows.map((r) => ({
    field: labelOf('id_number'),
    row: r.row_no,
    code: 'member_in_other_household',
    message: r.number,
  }));
}

/**
 * Rows naming a new head for a stored household whose present head the file leaves out: that head stays (the
 * file does not remove members), so the household would have two.
 */
async function headsBesideStoredHead(tx: Executor): Promise<FieldIssue[]> {
  const { rows } = await sql<{ row_no: number; number: string }>`
    select s.row_no, h.number
    from registry_import_stage s
    join registry_household h on h.number = s.household_number
    join registry_membership m on m.household_id = h.id and m.end_on is null and m.relation = 'head'
    join registry_person p on p.id = m.person_id
    where s.relation = 'head' and p.id_number <> s.id_number
      and not exists (
        select 1 from registry_import_stage o where o.household_number = s.household_number and o.id_number = p.id_number)
    order by s.row_no limit ${MAX_ISSUES}`.execute(tx);
  return rows.map((r) => ({
    field: labelOf('relation'),
    row: r.row_no,
    code: 'head_count',
    message: `${r.number}: 2`,
  }));
}

/** How many staged persons the registry does not hold yet, and how many it holds (and would update). */
async function personsMatched(tx: Executor) {
  const { rows } = await sql<{ new_persons: number; updated_persons: number }>`
    select count(*) filter (where p.id is null)::int as new_persons, count(p.id)::int as updated_persons
    from registry_import_stage s
    left join registry_person p on p.id_number = s.id_number`.execute(tx);
  return { newPersons: rows[0]?.new_persons ?? 0, updatedPersons: rows[0]?.updated_persons ?? 0 };
}

/** Every household the import touched has exactly one current head once its members are in. */
async function assertOneHeadEach(tx: Executor) {
  const { rows } = await sql<{ number: string; heads: number; row_no: number }>`
    select number, heads, row_no from (
      select h.number, (select min(s.row_no) from registry_import_stage s where s.household_number = h.number) as row_no,
        (select count(*)::int from registry_membership m
          where m.household_id = h.id and m.end_on is null and m.relation = 'head') as heads
      from registry_import_household h
    ) touched
    where heads <> 1
    order by row_no limit ${MAX_ISSUES}`.execute(tx);
  if (rows.length > 0) {
    throw new AppError(
      'REGISTRY_IMPORT_INVALID',
      { count: rows.length },
      rows.map((r) => ({
        field: labelOf('relation'),
        row: r.row_no,
        code: 'head_count',
        message: `${r.number}: ${r.heads}`,
      })),
    );
  }
}
