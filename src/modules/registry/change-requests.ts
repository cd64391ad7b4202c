import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import type { Tx } from '../../platform/database.ts';
import { AppError } from '../../platform/errors.ts';
import { ROOT_PATH, authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { pathCodes } from '../org/codes.ts';
import { validateIdNumbers } from './id-numbers.ts';
import { flagDuplicates } from './duplicates.ts';
import { newPersonValues } from './person-values.ts';
import {
  currentMembershipsOf,
  insertMembership,
  insertPerson,
  lockHousehold,
  personsByIdNumbers,
  refreshVillageStats,
} from './queries.ts';
import { refuseLostRegistrationRace } from './registration-races.ts';
import { maskIdNumber } from './rules/id-number.ts';
import type { ChangeRequestPayload, FiledChange } from './schema.ts';

type Step = 'village' | 'township' | 'county';
const NEXT_STEP: Record<Step, Step | null> = { village: 'township', township: 'county', county: null };
/** Index of the step's unit in an org path (province, prefecture, county, township, village). */
const STEP_DEPTH: Record<Step, number> = { county: 2, township: 3, village: 4 };

const ID_FIELDS = ['idNumber', 'correctIdNumber', 'newHeadIdNumber'] as const;

/** The change as shown to readers: identity numbers masked, as everywhere else. */
function maskedChange(change: ChangeRequestPayload): unknown {
  const shown: Record<string, unknown> = { ...change };
  for (const field of ID_FIELDS) {
    const value = shown[field];
    if (typeof value === 'string') shown[field] = maskIdNumber(value);
  }
  if (change.kind === 'add_member') shown.member = { ...change.member, idNumber: maskIdNumber(change.member.idNumber) };
  return shown;
}

async function presentRequest(tx: Tx | ServiceContext['db'], id: string) {
  const row = await tx
    .selectFrom('registry_change_request as r')
    .innerJoin('registry_household as h', 'h.id', 'r.household_id')
    .selectAll('r')
    .select('h.number')
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
  const decisions = await tx
    .selectFrom('registry_change_decision')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    id: row.id,
    householdId: row.household_id,
    householdNumber: row.number,
    kind: row.kind,
    change: maskedChange(row.payload as ChangeRequestPayload),
    reason: row.reason,
    status: row.status,
    nextStep: row.next_step,
    decisions: decisions.map((d) => ({
      step: d.step,
      decision: d.decision,
      comment: d.comment,
      decidedAt: new Date(d.decided_at).toISOString(),
    })),
    requestedAt: new Date(row.requested_at).toISOString(),
    version: row.version,
  };
}

/** Normalises the ID numbers of the change (15 → 18 digits) and refuses invalid ones before anything waits. */
async function normalizedChange(change: ChangeRequestPayload, today: string): Promise<ChangeRequestPayload> {
  const field = (name: string) => `change.${name}`;
  switch (change.kind) {
    case 'add_member': {
      const [id] = await validateIdNumbers(
        [{ field: field('member.idNumber'), idNumber: change.member.idNumber }],
        today,
      );
      return { ...change, member: { ...change.member, idNumber: id!.normalized } };
    }
    case 'correct_id': {
      const [id, correct] = await validateIdNumbers(
        [
          { field: field('idNumber'), idNumber: change.idNumber },
          { field: field('correctIdNumber'), idNumber: change.correctIdNumber },
        ],
        today,
      );
      return { ...change, idNumber: id!.normalized, correctIdNumber: correct!.normalized };
    }
    case 'change_head': {
      const [id] = await validateIdNumbers(
        [{ field: field('newHeadIdNumber'), idNumber: change.newHeadIdNumber }],
        today,
      );
      return { ...change, newHeadIdNumber: id!.normalized };
    }
    default: {
      const [id] = await validateIdNumbers([{ field: field('idNumber'), idNumber: change.idNumber }], today);
      return { ...change, idNumber: id!.normalized };
    }
  }
}

/** The full ID number of the member a change names by `personId` (a current member of this household). */
async function memberIdNumber(tx: Tx, householdId: string, ref: { idNumber?: string; personId?: string }) {
  if (ref.personId === undefined) {
    if (ref.idNumber !== undefined) return ref.idNumber;
    throw new AppError('REGISTRY_MEMBER_NOT_FOUND', { idNumber: '' }, [
      { field: 'change.personId', code: 'required', message: 'personId or idNumber' },
    ]);
  }
  const member = await tx
    .selectFrom('registry_membership as m')
    .innerJoin('registry_person as p', 'p.id', 'm.person_id')
    .select('p.id_number')
    .where('m.household_id', '=', householdId)
    .where('m.end_on', 'is', null)
    .where('p.id', '=', ref.personId)
    .executeTakeFirst();
  if (!member) {
    throw new AppError('REGISTRY_MEMBER_NOT_FOUND', { idNumber: ref.personId }, [
      { field: 'change.personId', code: 'not_a_member', message: ref.personId },
    ]);
  }
  return member.id_number;
}

/** The change as stored: whoever it concerns named by ID number, however the filer named them. */
async function resolvedChange(tx: Tx, householdId: string, change: FiledChange): Promise<ChangeRequestPayload> {
  switch (change.kind) {
    case 'add_member':
      return change;
    case 'change_head': {
      const { personId, newHeadIdNumber, ...rest } = change;
      return {
        ...rest,
        newHeadIdNumber: await memberIdNumber(tx, householdId, { personId, idNumber: newHeadIdNumber }),
      };
    }
    default: {
      const { personId, idNumber, ...rest } = change;
      return { ...rest, idNumber: await memberIdNumber(tx, householdId, { personId, idNumber }) };
    }
  }
}

/** Files a change to a household's members; it applies only after the village, township and county approve. */
export async function requestChange(ctx: ServiceContext, options: { id: string; change: FiledChange; reason: string }) {
  authorize(ctx.access, 'registry.write');
  const today = chinaDateOf(ctx.clock.now());
  const id = await ctx.db.transaction().execute(async (tx) => {
    const household = await lockHousehold(tx, options.id);
    if (!household) throw new AppError('REGISTRY_HOUSEHOLD_NOT_FOUND', { id: options.id });
    authorize(ctx.access, 'registry.write', { code: household.village_code, path: household.village_path });
    const change = await normalizedChange(await resolvedChange(tx, household.id, options.change), today);
    const created = await tx
      .insertInto('registry_change_request')
      .values({
        household_id: household.id,
        kind: change.kind,
        payload: JSON.stringify(change),
        reason: options.reason,
        next_step: 'village',
        requested_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(
      tx,
      ctx.actor,
      {
        action: 'registry.change_requested',
        entity: 'registry_change_request',
        entityId: created.id,
        unitPath: household.village_path,
        after: { household: household.number, change: maskedChange(change), reason: options.reason },
      },
      ctx.clock.now(),
    );
    return created.id;
  });
  return presentRequest(ctx.db, id);
}

export async function listChangeRequests(ctx: ServiceContext, options: { status?: string; limit: number }) {
  authorize(ctx.access, 'registry.read');
  let query = ctx.db
    .selectFrom('registry_change_request as r')
    .innerJoin('registry_household as h', 'h.id', 'r.household_id')
    .innerJoin('org_unit as v', 'v.id', 'h.village_id')
    .select('r.id')
    .where((eb) => eb.or(ctx.access.scopePaths.map((scope) => eb('v.path', 'like', `${scope}%`))));
  if (options.status) query = query.where('r.status', '=', options.status as 'pending');
  const rows = await query.orderBy('r.id', 'desc').limit(options.limit).execute();
  return Promise.all(rows.map((row) => presentRequest(ctx.db, row.id)));
}

/**
 * An approver decides the step the request waits at, and only an approver of that level may: one whose
 * scope is that village, township or county itself (administrators act at every level).
 */
function assertApproverOf(ctx: ServiceContext, step: Step, villagePath: string) {
  authorize(ctx.access, 'registry.approve');
  if (ctx.access.scopePaths.includes(ROOT_PATH)) return;
  const codes = pathCodes(villagePath);
  const unitPath = `/${codes.slice(0, STEP_DEPTH[step] + 1).join('/')}/`;
  if (!ctx.access.scopePaths.includes(unitPath)) {
    if (ctx.access.scopePaths.some((scope) => villagePath.startsWith(scope))) {
      throw new AppError('REGISTRY_NOT_YOUR_STEP', { step });
    }
    throw new AppError('OUT_OF_SCOPE', { code: codes.at(-1) ?? '' });
  }
}

export async function decideChangeRequest(
  ctx: ServiceContext,
  options: { id: string; decision: 'approve' | 'reject'; comment?: string; version: number },
) {
  authorize(ctx.access, 'registry.approve');
  await ctx.db
    .transaction()
    .execute(async (tx) => {
      const request = await tx
        .selectFrom('registry_change_request')
        .selectAll()
        .where('id', '=', options.id)
        .forUpdate()
        .executeTakeFirst();
      if (!request) throw new AppError('REGISTRY_CHANGE_REQUEST_NOT_FOUND', { id: options.id });
      const household = await lockHousehold(tx, request.household_id);
      if (!household) throw new AppError('REGISTRY_HOUSEHOLD_NOT_FOUND', { id: request.household_id });
      authorize(ctx.access, 'registry.read', { code: household.village_code, path: household.village_path });
      if (request.status !== 'pending' || !request.next_step) {
        throw new AppError('REGISTRY_CHANGE_REQUEST_CLOSED', { status: request.status });
      }
      if (request.version !== options.version) throw new AppError('VERSION_CONFLICT', { current: request.version });
      const step = request.next_step;
      assertApproverOf(ctx, step, household.village_path);
      await tx
        .insertInto('registry_change_decision')
        .values({
          request_id: request.id,
          step,
          decision: options.decision,
          comment: options.comment ?? null,
          decided_by: ctx.actor.userId,
        })
        .execute();
      const next = options.decision === 'approve' ? NEXT_STEP[step] : null;
      const status = options.decision === 'reject' ? 'rejected' : next === null ? 'applied' : 'pending';
      if (status === 'applied') {
        await applyChange(tx, ctx, household, {
          id: request.id,
          change: request.payload as ChangeRequestPayload,
          reason: request.reason,
        });
      }
      await tx
        .updateTable('registry_change_request')
        .set({ status, next_step: next, version: request.version + 1 })
        .where('id', '=', request.id)
        .execute();
      await appendAudit(
        tx,
        ctx.actor,
        {
          action: status === 'applied' ? 'registry.change_applied' : `registry.change_${options.decision}d`,
          entity: 'registry_change_request',
          entityId: request.id,
          unitPath: household.village_path,
          before: { status: request.status, step, version: request.version },
          after: { status, nextStep: next, comment: options.comment ?? null, version: request.version + 1 },
        },
        ctx.clock.now(),
      );
    })
    .catch(refuseLostRegistrationRace);
  return presentRequest(ctx.db, options.id);
}

type Household = NonNullable<Awaited<ReturnType<typeof lockHousehold>>>;

async function currentMember(tx: Tx, household: Household, idNumber: string) {
  const member = await tx
    .selectFrom('registry_membership as m')
    .innerJoin('registry_person as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.relation', 'm.start_on', 'p.id as person_id'])
    .where('m.household_id', '=', household.id)
    .where('m.end_on', 'is', null)
    .where('p.id_number', '=', idNumber)
    .executeTakeFirst();
  if (!member) throw new AppError('REGISTRY_MEMBER_NOT_FOUND', { idNumber: maskIdNumber(idNumber) });
  return member;
}

function endMembership(tx: Tx, membershipId: string, on: string, reason: string) {
  return tx
    .updateTable('registry_membership')
    .set({ end_on: on, end_reason: reason })
    .where('id', '=', membershipId)
    .execute();
}

function refuseHeadRemoval() {
  throw new AppError('REGISTRY_HEAD_COUNT', { count: 0 }, [
    { field: 'change.idNumber', code: 'head_cannot_leave', message: 'change the head first' },
  ]);
}

/** Carries out an approved change, keeping the rules: one head, one household per person, nothing deleted. */
async function applyChange(
  tx: Tx,
  ctx: ServiceContext,
  household: Household,
  request: { id: string; change: ChangeRequestPayload; reason: string },
) {
  const { id: requestId, change, reason } = request;
  const today = chinaDateOf(ctx.clock.now());
  const villages = [household.village_id];
  switch (change.kind) {
    case 'add_member': {
      const [valid] = await validateIdNumbers(
        [{ field: 'change.member.idNumber', idNumber: change.member.idNumber }],
        today,
      );
      // Held by an active member (elsewhere or already here): the change applies as a claim in the queue.
      const [taken] = await currentMembershipsOf(tx, [valid!.normalized]);
      if (taken) {
        await flagDuplicates(tx, {
          householdId: household.id,
          claims: [
            { member: { ...change.member, idNumber: valid!.normalized }, holderHouseholdId: taken.household_id },
          ],
          changeRequestId: requestId,
        });
        break;
      }
      const [existing] = await personsByIdNumbers(tx, [valid!.normalized]);
      const personId = existing?.id ?? (await insertPerson(tx, newPersonValues(valid!, change.member))).id;
      await insertMembership(tx, {
        household_id: household.id,
        person_id: personId,
        relation: change.member.relation,
        start_on: today,
      });
      break;
    }
    case 'remove_member': {
      const member = await currentMember(tx, household, change.idNumber);
      if (member.relation === 'head') refuseHeadRemoval();
      const endOn = change.endOn ?? today;
      if (endOn < member.start_on) throw new AppError('REGISTRY_MEMBERSHIP_DATE_TOO_EARLY', { date: member.start_on });
      await endMembership(tx, member.id, endOn, reason);
      break;
    }
    case 'transfer_member': {
      const member = await currentMember(tx, household, change.idNumber);
      if (member.relation === 'head') refuseHeadRemoval();
      const target = await tx
        .selectFrom('registry_household as h')
        .innerJoin('org_unit as v', 'v.id', 'h.village_id')
        .select(['h.id', 'h.village_id', 'v.code', 'v.path'])
        .where('h.number', '=', change.toHouseholdNumber)
        .executeTakeFirst();
      if (!target) throw new AppError('REGISTRY_HOUSEHOLD_NOT_FOUND', { id: change.toHouseholdNumber });
      authorize(ctx.access, 'registry.read', { code: target.code, path: target.path });
      await endMembership(tx, member.id, today, reason);
      await insertMembership(tx, {
        household_id: target.id,
        person_id: member.person_id,
        relation: change.relation,
        start_on: today,
      });
      await tx
        .updateTable('registry_household')
        .set({ version: sql`version + 1` })
        .where('id', '=', target.id)
        .execute();
      villages.push(target.village_id);
      break;
    }
    case 'correct_id': {
      const member = await currentMember(tx, household, change.idNumber);
      const clash = await tx
        .selectFrom('registry_person')
        .select('id')
        .where('id_number', '=', change.correctIdNumber)
        .executeTakeFirst();
      if (clash) {
        throw new AppError('REGISTRY_MEMBER_IN_OTHER_HOUSEHOLD', {
          idNumber: maskIdNumber(change.correctIdNumber),
          household: '?',
        });
      }
      const [valid] = await validateIdNumbers(
        [{ field: 'change.correctIdNumber', idNumber: change.correctIdNumber }],
        today,
      );
      await tx
        .updateTable('registry_person')
        .set({ id_number: valid!.normalized, sex: valid!.sex, birth_date: valid!.birthDate, version: sql`version + 1` })
        .where('id', '=', member.person_id)
        .execute();
      break;
    }
    case 'change_head': {
      const member = await currentMember(tx, household, change.newHeadIdNumber);
      if (member.relation === 'head') break;
      await tx
        .updateTable('registry_membership')
        .set({ relation: change.formerHeadRelation })
        .where('household_id', '=', household.id)
        .where('end_on', 'is', null)
        .where('relation', '=', 'head')
        .execute();
      await tx.updateTable('registry_membership').set({ relation: 'head' }).where('id', '=', member.id).execute();
      break;
    }
  }
  await tx
    .updateTable('registry_household')
    .set({ version: household.version + 1 })
    .where('id', '=', household.id)
    .execute();
  await refreshVillageStats(tx, villages);
}
