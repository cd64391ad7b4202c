import { type Insertable, sql } from 'kysely';
import type { Executor } from '../../platform/database.ts';
import type { DuplicateStatus, RegistryDuplicateTable } from '../../platform/db-schema.ts';

export function insertDuplicates(db: Executor, rows: readonly Insertable<RegistryDuplicateTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db
    .insertInto('registry_duplicate')
    .values(rows)
    .execute()
    .then(() => undefined);
}

/** A case with both households and their villages: the claiming household (h, v) and the holder (eh, ev). */
function selectCases(db: Executor) {
  return db
    .selectFrom('registry_duplicate as d')
    .innerJoin('registry_household as h', 'h.id', 'd.household_id')
    .innerJoin('org_unit as v', 'v.id', 'h.village_id')
    .leftJoin('registry_household as eh', 'eh.id', 'd.existing_household_id')
    .leftJoin('org_unit as ev', 'ev.id', 'eh.village_id')
    .selectAll('d')
    .select([
      'h.number as household_number',
      'h.village_id',
      'v.code as village_code',
      'v.name as village_name',
      'v.path as village_path',
      'eh.number as existing_household_number',
      'ev.code as existing_village_code',
      'ev.name as existing_village_name',
      'ev.path as existing_village_path',
    ]);
}
export type DuplicateRow = Awaited<ReturnType<ReturnType<typeof selectCases>['executeTakeFirstOrThrow']>>;

export type DuplicateFilter = {
  scopePaths: readonly string[];
  underPath?: string;
  status?: DuplicateStatus;
  q?: string;
};

/** A case touches a subtree when either of its households lies there: scope and the unit filter both mean that. */
function filteredCases(db: Executor, filter: Omit<DuplicateFilter, 'status'>) {
  const subtrees = [filter.scopePaths, ...(filter.underPath ? [[filter.underPath]] : [])];
  let query = selectCases(db);
  for (const paths of subtrees) {
    query = query.where((eb) =>
      eb.or(paths.flatMap((path) => [eb('v.path', 'like', `${path}%`), eb('ev.path', 'like', `${path}%`)])),
    );
  }
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([eb('h.number', 'like', `${q}%`), eb('eh.number', 'like', `${q}%`), eb('d.name', '=', q)]),
    );
  }
  return query;
}

/** One page of cases, oldest pending first, with the total and the count per status under the same filter. */
export async function listDuplicates(db: Executor, filter: DuplicateFilter & { limit: number; offset: number }) {
  const base = filteredCases(db, filter);
  const page = filter.status ? base.where('d.status', '=', filter.status) : base;
  const [rows, counts] = await Promise.all([
    page.orderBy('d.id').limit(filter.limit).offset(filter.offset).execute(),
    base
      .clearSelect()
      .select(['d.status', sql<number>`count(*)::int`.as('count')])
      .groupBy('d.status')
      .execute(),
  ]);
  return { rows, counts };
}

export function lockDuplicate(db: Executor, id: string) {
  return selectCases(db).where('d.id', '=', id).forUpdate('d').executeTakeFirst();
}

export function duplicateById(db: Executor, id: string) {
  return selectCases(db).where('d.id', '=', id).executeTakeFirstOrThrow();
}

/** The claims still waiting for a decision on a household, shown with its members. */
export function pendingClaimsOf(db: Executor, householdId: string) {
  return selectCases(db)
    .where('d.household_id', '=', householdId)
    .where('d.status', '=', 'pending')
    .orderBy('d.id')
    .execute();
}

/** Where an identity number is an active member now, if anywhere, with that household's village. */
export function activeMembershipOf(db: Executor, idNumber: string) {
  return db
    .selectFrom('registry_person as p')
    .innerJoin('registry_membership as m', (join) => join.onRef('m.person_id', '=', 'p.id').on('m.end_on', 'is', null))
    .innerJoin('registry_household as h', 'h.id', 'm.household_id')
    .innerJoin('org_unit as v', 'v.id', 'h.village_id')
    .select([
      'p.id as person_id',
      'm.id as membership_id',
      'm.relation',
      'm.start_on',
      'h.id as household_id',
      'h.number as household_number',
      'h.village_id',
      'v.code as village_code',
      'v.path as village_path',
    ])
    .where('p.id_number', '=', idNumber)
    .executeTakeFirst();
}

export function closeDuplicate(
  db: Executor,
  options: {
    id: string;
    status: DuplicateStatus;
    decidedBy: number | null;
    decidedOn: string;
    reason: string;
    correctedIdNumber: string | null;
    version: number;
  },
) {
  return db
    .updateTable('registry_duplicate')
    .set({
      status: options.status,
      decided_by: options.decidedBy,
      decided_at: sql<Date>`now()`,
      decided_on: options.decidedOn,
      reason: options.reason,
      corrected_id_number: options.correctedIdNumber,
      version: options.version + 1,
    })
    .where('id', '=', options.id)
    .execute();
}

export function endMembershipOn(db: Executor, options: { membershipId: string; on: string; reason: string }) {
  return db
    .updateTable('registry_membership')
    .set({ end_on: options.on, end_reason: options.reason })
    .where('id', '=', options.membershipId)
    .execute();
}

export function bumpHouseholdVersion(db: Executor, householdId: string) {
  return db
    .updateTable('registry_household')
    .set({ version: sql`version + 1` })
    .where('id', '=', householdId)
    .execute();
}
