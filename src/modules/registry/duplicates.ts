import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Tx } from '../../platform/database.ts';
import type { DuplicateStatus } from '../../platform/db-schema.ts';
import { AppError, type ErrorCode } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import {
  activeMembershipOf,
  bumpHouseholdVersion,
  closeDuplicate,
  duplicateById,
  type DuplicateRow,
  endMembershipOn,
  insertDuplicates,
  listDuplicates as queryDuplicates,
  lockDuplicate,
} from './duplicate-queries.ts';
import { validateIdNumbers } from './id-numbers.ts';
import { hasHead, insertMembership, insertPerson, personsByIdNumbers, refreshVillageStats } from './queries.ts';
import { type DuplicateDecision, type DuplicateRefusal, refuseDuplicateDecision } from './rules/duplicate-decision.ts';
import { maskIdNumber } from './rules/id-number.ts';
import { newPersonValues } from './person-values.ts';
import type { DecideDuplicateInput, MemberInput } from './schema.ts';
import { readableUnit } from './service.ts';

/** A member claimed for a household while the number is held elsewhere (or repeated): waits for a decision. */
export type DuplicateClaim = { member: MemberInput & { idNumber: string }; holderHouseholdId: string };

/**
 * Puts claims into the deduplication queue, in the caller's transaction (the registration or the applied
 * change request, whose audit record lists them). Nothing becomes a second active membership meanwhile.
 */
export function flagDuplicates(
  tx: Tx,
  options: { householdId: string; claims: readonly DuplicateClaim[]; changeRequestId?: string },
) {
  return insertDuplicates(
    tx,
    options.claims.map((claim) => ({
      id_number: claim.member.idNumber,
      name: claim.member.name,
      relation: claim.member.relation,
      household_id: options.householdId,
      existing_household_id: claim.holderHouseholdId,
      member: JSON.stringify(claim.member),
      source: options.changeRequestId ? 'change_request' : 'registration',
      change_request_id: options.changeRequestId ?? null,
    })),
  );
}

export function presentDuplicate(row: DuplicateRow) {
  return {
    id: row.id,
    idNumber: maskIdNumber(row.id_number),
    name: row.name,
    relation: row.relation,
    householdId: row.household_id,
    householdNumber: row.household_number,
    villageCode: row.village_code,
    villageName: row.village_name,
    existingHouseholdId: row.existing_household_id,
    existingHouseholdNumber: row.existing_household_number,
    existingVillageName: row.existing_village_name,
    sameHousehold: row.existing_household_id === row.household_id,
    source: row.source,
    changeRequestId: row.change_request_id,
    status: row.status,
    decidedOn: row.decided_on,
    reason: row.reason,
    correctedIdNumber: row.corrected_id_number === null ? null : maskIdNumber(row.corrected_id_number),
    createdAt: new Date(row.created_at).toISOString(),
    version: row.version,
  };
}

/** The queue: cases touching the caller's scope (either household), filtered, with the count per status. */
export async function listDuplicates(
  ctx: ServiceContext,
  options: { unit?: string; status?: DuplicateStatus; q?: string; limit: number; offset: number },
) {
  authorize(ctx.access, 'registry.read');
  const under = options.unit ? await readableUnit(ctx, options.unit) : undefined;
  const { rows, counts } = await queryDuplicates(ctx.db, {
    scopePaths: ctx.access.scopePaths,
    underPath: under?.path,
    status: options.status,
    q: options.q,
    limit: options.limit,
    offset: options.offset,
  });
  const perStatus = { pending: 0, kept_existing: 0, kept_new: 0, corrected: 0 };
  for (const row of counts) perStatus[row.status] = row.count;
  const total = options.status ? perStatus[options.status] : counts.reduce((sum, row) => sum + row.count, 0);
  return { items: rows.map(presentDuplicate), total, counts: perStatus };
}

const REFUSAL_CODES: Record<DuplicateRefusal['reason'], ErrorCode> = {
  claim_is_head: 'REGISTRY_DUPLICATE_CLAIM_IS_HEAD',
  claim_household_headed: 'REGISTRY_DUPLICATE_CLAIMING_HOUSEHOLD_HEADED',
  holder_head: 'REGISTRY_DUPLICATE_HOLDER_HEAD',
  same_household: 'REGISTRY_DUPLICATE_SAME_HOUSEHOLD',
};

const STATUS_OF: Record<DuplicateDecision, DuplicateStatus> = {
  keep_existing: 'kept_existing',
  keep_new: 'kept_new',
  correct_id: 'corrected',
};

/** The claimed member joins the claiming household under `idNumber` (the person is reused if known). */
async function joinClaim(tx: Tx, duplicate: DuplicateRow, idNumber: string, field: string, on: string, today: string) {
  const [valid] = await validateIdNumbers([{ field, idNumber }], today);
  const [known] = await personsByIdNumbers(tx, [valid!.normalized]);
  const personId =
    known?.id ??
    (await insertPerson(tx, newPersonValues(valid!, { ...(duplicate.member as MemberInput), name: duplicate.name })))
      .id;
  await insertMembership(tx, {
    household_id: duplicate.household_id,
    person_id: personId,
    relation: duplicate.relation,
    start_on: on,
  });
}

/**
 * Decides a case. The approver needs `registry.approve` over both households (a case across two townships is
 * the county's), since the decision may end a membership in either. Audited with the decision and reason.
 */
export async function decideDuplicate(ctx: ServiceContext, options: DecideDuplicateInput & { id: string }) {
  authorize(ctx.access, 'registry.approve');
  const today = chinaDateOf(ctx.clock.now());
  const on = options.effectiveOn ?? today;
  if (on > today) {
    throw new AppError('ORG_EFFECTIVE_DATE_IN_FUTURE', {}, [{ field: 'effectiveOn', code: 'in_future', message: on }]);
  }
  await ctx.db.transaction().execute(async (tx) => {
    const duplicate = await lockDuplicate(tx, options.id);
    if (!duplicate) throw new AppError('REGISTRY_DUPLICATE_NOT_FOUND', { id: options.id });
    authorize(ctx.access, 'registry.approve', { code: duplicate.village_code, path: duplicate.village_path });
    if (duplicate.status !== 'pending') throw new AppError('REGISTRY_DUPLICATE_DECIDED', { status: duplicate.status });
    if (duplicate.version !== options.version) {
      throw new AppError('VERSION_CONFLICT', { current: duplicate.version });
    }
    const held = await activeMembershipOf(tx, duplicate.id_number);
    if (held) authorize(ctx.access, 'registry.approve', { code: held.village_code, path: held.village_path });
    const refusal = refuseDuplicateDecision(options.decision, {
      claimedRelation: duplicate.relation,
      heldRelation: held?.relation ?? null,
      sameHousehold: duplicate.existing_household_id === duplicate.household_id,
      claimingHeaded: await hasHead(tx, duplicate.household_id),
    });
    if (refusal) {
      const household = refusal.reason === 'holder_head' ? held?.household_number : duplicate.household_number;
      throw new AppError(REFUSAL_CODES[refusal.reason], { household: household ?? '' }, [
        { field: refusal.field, code: refusal.reason, message: options.decision },
      ]);
    }
    const villages = [duplicate.village_id];
    let corrected: string | null = null;
    if (options.decision === 'keep_new') {
      if (held) {
        if (on < held.start_on) throw new AppError('REGISTRY_MEMBERSHIP_DATE_TOO_EARLY', { date: held.start_on });
        await endMembershipOn(tx, { membershipId: held.membership_id, on, reason: options.reason });
        await bumpHouseholdVersion(tx, held.household_id);
        villages.push(held.village_id);
      }
      await joinClaim(tx, duplicate, duplicate.id_number, 'idNumber', on, today);
    } else if (options.decision === 'correct_id') {
      const [valid] = await validateIdNumbers(
        [{ field: 'correctIdNumber', idNumber: options.correctIdNumber ?? '' }],
        today,
      );
      corrected = valid!.normalized;
      const taken = corrected === duplicate.id_number ? held : await activeMembershipOf(tx, corrected);
      if (taken) {
        throw new AppError(
          'REGISTRY_MEMBER_IN_OTHER_HOUSEHOLD',
          { idNumber: maskIdNumber(corrected), household: taken.household_number },
          [{ field: 'correctIdNumber', code: 'member_in_other_household', message: taken.household_number }],
        );
      }
      await joinClaim(tx, duplicate, corrected, 'correctIdNumber', on, today);
    }
    await closeDuplicate(tx, {
      id: duplicate.id,
      status: STATUS_OF[options.decision],
      decidedBy: ctx.actor.userId,
      decidedOn: on,
      reason: options.reason,
      correctedIdNumber: corrected,
      version: duplicate.version,
    });
    await bumpHouseholdVersion(tx, duplicate.household_id);
    await refreshVillageStats(tx, villages);
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.duplicate_decided',
        entity: 'registry_duplicate',
        entityId: duplicate.id,
        unitPath: duplicate.village_path,
        before: { status: duplicate.status, heldBy: held?.household_number ?? null, version: duplicate.version },
        after: {
          status: STATUS_OF[options.decision],
          household: duplicate.household_number,
          effectiveOn: on,
          reason: options.reason,
          correctedIdNumber: corrected === null ? null : maskIdNumber(corrected),
          version: duplicate.version + 1,
        },
      },
      ctx.clock.now(),
    );
  });
  return presentDuplicate(await duplicateById(ctx.db, options.id));
}
