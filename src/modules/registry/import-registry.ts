import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf, isIsoDate } from '../../platform/calendar-date.ts';
import type { Executor } from '../../platform/database.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { authorize, pathInScope } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { copyRows, withCopyTransaction } from '../../platform/copy.ts';
import { idNumberIssue, idNumberValidator } from './id-numbers.ts';
import {
  isHouseholdType,
  isPovertyCause,
  LAYOUT,
  type LayoutKey,
  type LayoutRow,
  relationOf,
} from './import-layout.ts';
import { refreshVillageStats } from './queries.ts';

export type ImportProgress = { phase: 'validating' | 'writing' | 'statistics' | 'done'; done: number; total: number };

/** A row that passed validation, ready for the staging table. */
type StagedRow = {
  row: number;
  householdNumber: string;
  villageId: number;
  name: string;
  idNumber: string;
  sex: 'male' | 'female';
  birthDate: string;
  relation: string;
  householdType: string;
  mainCause: string;
  registeredOn: string | null;
  phone: string | null;
};

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
 * Checks every row (columns, ID numbers, village in scope, relation) and every household (one village,
 * exactly one head among its rows, no ID twice in the file), reporting each problem with its row and column.
 */
async function validateRows(ctx: ServiceContext, rows: readonly LayoutRow[], report: (p: ImportProgress) => void) {
  const issues: FieldIssue[] = [];
  const issue = (row: number, key: LayoutKey, code: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ field: labelOf(key), row, code, message });
  };
  const validate = await idNumberValidator(chinaDateOf(ctx.clock.now()));
  const villages = await villagesByCode(ctx.db, [...new Set(rows.map((r) => r.village_code.padEnd(12, '0')))]);
  const staged: StagedRow[] = [];
  const firstRowOfId = new Map<string, number>();
  const households = new Map<string, { village: string; heads: number; firstRow: number }>();

  rows.forEach((cells, index) => {
    const row = index + 2;
    if (index % 50_000 === 0) report({ phase: 'validating', done: index, total: rows.length });
    let ok = true;
    for (const column of LAYOUT) {
      if (column.required && cells[column.key] === '') {
        issue(row, column.key, 'required', '');
        ok = false;
      }
    }
    if (!ok) return;
    const id = validate(cells.id_number);
    if (!id.ok) {
      if (issues.length < MAX_ISSUES) issues.push(idNumberIssue(labelOf('id_number'), id, row));
      ok = false;
    } else {
      const first = firstRowOfId.get(id.normalized);
      if (first !== undefined) {
        issue(row, 'id_number', 'duplicate_in_file', `row ${first}`);
        ok = false;
      }
      firstRowOfId.set(id.normalized, row);
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
    const household = households.get(cells.household_number) ?? {
      village: cells.village_code,
      heads: 0,
      firstRow: row,
    };
    if (household.village !== cells.village_code) {
      issue(row, 'village_code', 'household_in_two_villages', household.village);
      ok = false;
    }
    if (relation === 'head') household.heads += 1;
    households.set(cells.household_number, household);
    if (!ok || !id.ok || !village || !relation) return;
    staged.push({
      row,
      householdNumber: cells.household_number,
      villageId: village.id,
      name: cells.name,
      idNumber: id.normalized,
      sex: id.sex,
      birthDate: id.birthDate,
      relation,
      householdType: cells.household_type || 'ordinary',
      mainCause: cells.main_cause || 'other',
      registeredOn: cells.registered_on || null,
      phone: cells.phone || null,
    });
  });
  for (const [number, household] of households) {
    if (household.heads > 1) issue(household.firstRow, 'relation', 'head_count', `${number}: ${household.heads}`);
  }
  return { staged, issues, households: households.size };
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
];

/**
 * Imports the layout all-or-nothing: rows are validated first (a dry run stops there and reports), then
 * staged with COPY and merged set-wise in one transaction — households by number, persons matched on the ID
 * number and updated rather than duplicated, memberships added — and refused as a whole if any member
 * belongs to another household or a household ends without exactly one head.
 */
export async function importRegistry(
  ctx: ServiceContext & { connectionString: string },
  options: { rows: readonly LayoutRow[]; dryRun: boolean; onProgress?: (progress: ImportProgress) => void },
): Promise<ImportReport> {
  authorize(ctx.access, 'registry.manage');
  const report = options.onProgress ?? (() => {});
  const total = options.rows.length;
  const { staged, issues, households } = await validateRows(ctx, options.rows, report);
  if (issues.length > 0 && !options.dryRun) {
    throw new AppError('REGISTRY_IMPORT_INVALID', { count: issues.length }, issues);
  }
  const existing = await ctx.db
    .selectFrom('registry_person')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(sql<boolean>`id_number = any(${staged.map((r) => r.idNumber)}::text[])`)
    .executeTakeFirstOrThrow();
  const summary = {
    rows: total,
    households,
    newPersons: staged.length - existing.n,
    updatedPersons: existing.n,
  };
  if (options.dryRun) {
    report({ phase: 'done', done: total, total });
    return { dryRun: true, ...summary, errors: issues };
  }

  await withCopyTransaction(ctx.connectionString, async (tx, client) => {
    report({ phase: 'writing', done: 0, total });
    await sql`create temporary table registry_import_stage (
      row_no integer, household_number text, village_id integer, name text, id_number text, sex text,
      birth_date date, relation text, household_type text, main_cause text, registered_on date, phone text
    ) on commit drop`.execute(tx);
    await copyRows(
      client,
      'registry_import_stage',
      STAGE_COLUMNS,
      staged.map((r) => [
        r.row,
        r.householdNumber,
        r.villageId,
        r.name,
        r.idNumber,
        r.sex,
        r.birthDate,
        r.relation,
        r.householdType,
        r.mainCause,
        r.registeredOn,
        r.phone,
      ]),
      (done) => report({ phase: 'writing', done, total }),
    );
    // A temporary table has no statistics until analysed: without them the merges below plan nested loops.
    await sql`analyze registry_import_stage`.execute(tx);
    await assertNoConflicts(tx);
    const today = chinaDateOf(ctx.clock.now());
    await sql`
      insert into registry_household (number, village_id, type, main_cause, status, identified_on, registered_on)
      select distinct on (household_number) household_number, village_id, household_type, main_cause,
        case when registered_on is null then 'identified' else 'registered' end,
        coalesce(registered_on, ${today}::date), registered_on
      from registry_import_stage order by household_number, row_no
      on conflict (number) do update
        set type = excluded.type, main_cause = excluded.main_cause, version = registry_household.version + 1`.execute(
      tx,
    );
    await sql`
      insert into registry_person (id_number, name, sex, birth_date, phone)
      select id_number, name, sex, birth_date, phone from registry_import_stage
      on conflict (id_number) do update
        set name = excluded.name, phone = coalesce(excluded.phone, registry_person.phone),
          version = registry_person.version + 1`.execute(tx);
    // Present members keep their membership (the relation as the file states it); newcomers join today.
    await sql`
      update registry_membership m set relation = s.relation
      from registry_import_stage s
      join registry_person p on p.id_number = s.id_number
      join registry_household h on h.number = s.household_number
      where m.person_id = p.id and m.household_id = h.id and m.end_on is null and m.relation <> s.relation`.execute(tx);
    await sql`
      insert into registry_membership (household_id, person_id, relation, start_on)
      select h.id, p.id, s.relation, h.identified_on
      from registry_import_stage s
      join registry_person p on p.id_number = s.id_number
      join registry_household h on h.number = s.household_number
      where not exists (select 1 from registry_membership m where m.person_id = p.id and m.end_on is null)`.execute(tx);
    await assertOneHeadEach(tx);
    report({ phase: 'statistics', done: total, total });
    const villages = [...new Set(staged.map((r) => r.villageId))];
    await refreshVillageStats(tx, villages);
    await appendAudit(
      tx,
      ctx.actor,
      { action: 'registry.imported', entity: 'registry_household', entityId: null, after: summary },
      ctx.clock.now(),
    );
  });
  report({ phase: 'done', done: total, total });
  return { dryRun: false, ...summary, errors: [] };
}

/** A person of the file who is a member of another household now: transfers go through change requests. */
async function assertNoConflicts(tx: Executor) {
  const { rows } = await sql<{ row_no: number; number: string }>`
    select s.row_no, h.number
    from registry_import_stage s
    join registry_person p on p.id_number = s.id_number
    join registry_membership m on m.person_id = p.id and m.end_on is null
    join registry_household h on h.id = m.household_id
    where h.number <> s.household_number
    order by s.row_no limit ${MAX_ISSUES}`.execute(tx);
  if (rows.length > 0) {
    throw new AppError(
      'REGISTRY_IMPORT_INVALID',
      { count: rows.length },
      rows.map((r) => ({
        field: labelOf('id_number'),
        row: r.row_no,
        code: 'member_in_other_household',
        message: r.number,
      })),
    );
  }
}

async function assertOneHeadEach(tx: Executor) {
  const { rows } = await sql<{ number: string; heads: number; row_no: number }>`
    select number, heads, row_no from (
      select h.number, min(s.row_no) as row_no,
        (select count(*)::int from registry_membership m
          where m.household_id = h.id and m.end_on is null and m.relation = 'head') as heads
      from registry_import_stage s
      join registry_household h on h.number = s.household_number
      group by h.id, h.number
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
