import type { Executor, Tx } from '../../platform/database.ts';
import { type SelectQueryBuilder, sql } from 'kysely';
import type { Database, FileOwnerKind } from '../../platform/db-schema.ts';

export function insertStoredFile(
  tx: Tx,
  values: { sha256: string; size: number; mediaType: string; userId: number | null; at: Date },
) {
  return tx
    .insertInto('stored_file')
    .values({
      sha256: values.sha256,
      size_bytes: values.size,
      media_type: values.mediaType,
      uploaded_by: values.userId,
      uploaded_at: values.at,
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export function findStoredFile(db: Executor, sha256: string) {
  return db.selectFrom('stored_file').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function missingFiles(db: Executor, shas: readonly string[]): Promise<string[]> {
  if (shas.length === 0) return [];
  const found = await db.selectFrom('stored_file').select('sha256').where('sha256', 'in', shas).execute();
  const known = new Set(found.map((row) => row.sha256));
  return shas.filter((sha) => !known.has(sha));
}

export function linkFiles(
  tx: Tx,
  ownerKind: FileOwnerKind,
  ownerId: string,
  files: readonly { sha256: string; name: string }[],
) {
  if (files.length === 0) return Promise.resolve();
  return tx
    .insertInto('file_link')
    .values(files.map((f) => ({ owner_kind: ownerKind, owner_id: ownerId, sha256: f.sha256, file_name: f.name })))
    .onConflict((oc) => oc.doNothing())
    .execute()
    .then(() => undefined);
}

export function linksOf(db: Executor, sha256: string) {
  return db
    .selectFrom('file_link')
    .select(['owner_kind', 'owner_id', 'file_name'])
    .where('sha256', '=', sha256)
    .execute();
}

/**
 * The files linked to each of several owners (at least one) of one kind, by file name; `owner` is the owner's id
 * as text.
 */
export function filesOf(db: Executor, ownerKind: FileOwnerKind, ownerIds: readonly string[]) {
  return db
    .selectFrom('file_link')
    .select([sql<string>`owner_id::text`.as('owner'), 'sha256', 'file_name as name'])
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', ownerIds)
    .orderBy('file_name')
    .execute();
}

/** What decides who may see a file's owner: its task, or the unit it belongs to. */
export async function ownerAnchor(
  db: Executor,
  link: { owner_kind: FileOwnerKind; owner_id: string | number },
): Promise<{ taskId?: string; unitPath?: string }> {
  const id = String(link.owner_id);
  switch (link.owner_kind) {
    case 'report': {
      const row = await db.selectFrom('task_report').select('task_id').where('id', '=', id).executeTakeFirst();
      return row ? { taskId: row.task_id } : {};
    }
    case 'inspection': {
      const row = await db.selectFrom('inspection').select('task_id').where('id', '=', id).executeTakeFirst();
      return row ? { taskId: row.task_id } : {};
    }
    case 'decision':
      return unitPathOf(db.selectFrom('decision as o').where('o.id', '=', id));
    case 'exemption':
      return unitPathOf(db.selectFrom('assessment_exemption as o').where('o.id', '=', id));
    case 'bonus_claim':
      return unitPathOf(db.selectFrom('assessment_bonus_claim as o').where('o.id', '=', id));
  }
}

async function unitPathOf(
  query: SelectQueryBuilder<Database & { o: { unit_id: number } }, 'o', object>,
): Promise<{ unitPath?: string }> {
  const row = await query.innerJoin('org_unit as u', 'u.id', 'o.unit_id').select('u.path').executeTakeFirst();
  return row ? { unitPath: row.path } : {};
}
