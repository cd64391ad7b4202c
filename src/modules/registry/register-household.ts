import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { type DuplicateClaim, flagDuplicates } from './duplicates.ts';
import { validateIdNumbers } from './id-numbers.ts';
import { newPersonValues } from './person-values.ts';
import { maskIdNumber } from './rules/id-number.ts';
import {
  currentMembershipsOf,
  insertHousehold,
  insertMembership,
  insertPerson,
  lockRegistration,
  nextHouseholdSequence,
  personsByIdNumbers,
  refreshVillageStats,
  unitByCode,
} from './queries.ts';
import type { CreateHouseholdInput } from './schema.ts';
import { refuseLostRegistrationRace } from './registration-races.ts';
import { getHousehold } from './service.ts';

/** Exactly one head: checked before anything is written. */
function assertOneHead(members: CreateHouseholdInput['members']) {
  const heads = members.filter((member) => member.relation === 'head').length;
  if (heads !== 1) {
    throw new AppError('REGISTRY_HEAD_COUNT', { count: heads }, [
      { field: 'members', code: 'head_count', message: String(heads) },
    ]);
  }
}

/**
 * A head who already heads another household is refused outright: no decision of the deduplication queue
 * could give the new household that head (the other household would be left headless), so the case would
 * wait for ever. Either the family is registered already or that household's head must change first. (A head
 * who is an ordinary member elsewhere — a son setting up his own household — is queued: moving them resolves
 * it.)
 */
function refuseHeadOfAnother(
  members: CreateHouseholdInput['members'],
  normalized: readonly string[],
  heldBy: ReadonlyMap<string, { relation: string; household_number: string }>,
) {
  const index = members.findIndex((member) => member.relation === 'head');
  const held = heldBy.get(normalized[index]!);
  if (held?.relation !== 'head') return;
  throw new AppError(
    'REGISTRY_HEAD_HEADS_OTHER_HOUSEHOLD',
    { idNumber: maskIdNumber(normalized[index]!), household: held.household_number },
    [{ field: `members.${index}.idNumber`, code: 'heads_other_household', message: held.household_number }],
  );
}

/**
 * Which entries of a repeated number are repeats: the head's entry stands (so the household keeps its head),
 * otherwise the first. The repeats go to the deduplication queue.
 */
function repeatedEntries(members: readonly { relation: string }[], normalized: readonly string[]): Set<number> {
  const standing = new Map<string, number>();
  normalized.forEach((id, index) => {
    const first = standing.get(id);
    if (first === undefined || (members[index]?.relation === 'head' && members[first]?.relation !== 'head')) {
      standing.set(id, index);
    }
  });
  const standingIndexes = new Set(standing.values());
  return new Set(normalized.map((_, index) => index).filter((index) => !standingIndexes.has(index)));
}

/**
 * Identifies a household (status `identified`) in a village with its members, in one transaction with its
 * audit record and the village's statistics. A member whose ID number an active member of another household
 * holds, or that the form repeats, is not made a second membership: the household is saved and that member
 * waits in the deduplication queue (`pendingDuplicates` on the household) until an approver decides.
 */
export async function registerHousehold(ctx: ServiceContext, input: CreateHouseholdInput) {
  authorize(ctx.access, 'registry.write');
  const villageCode = normalizeUnitCode(input.villageCode);
  const village = await unitByCode(ctx.db, villageCode);
  if (!village) throw new AppError('ORG_UNIT_NOT_FOUND', { code: input.villageCode });
  authorize(ctx.access, 'registry.write', village);
  if (village.level !== 5 || village.ended_on !== null) {
    throw new AppError('REGISTRY_NOT_A_VILLAGE', { code: village.code }, [
      { field: 'villageCode', code: 'not_an_active_village', message: village.code },
    ]);
  }
  const today = chinaDateOf(ctx.clock.now());
  const identifiedOn = input.identifiedOn ?? today;
  if (identifiedOn > today) {
    throw new AppError('ORG_EFFECTIVE_DATE_IN_FUTURE', {}, [
      { field: 'identifiedOn', code: 'in_future', message: identifiedOn },
    ]);
  }
  const ids = await validateIdNumbers(
    input.members.map((member, index) => ({ field: `members.${index}.idNumber`, idNumber: member.idNumber })),
    today,
  );
  const normalized = ids.map((id) => id.normalized);
  assertOneHead(input.members);
  const repeats = repeatedEntries(input.members, normalized);

  const householdId = await ctx.db
    .transaction()
    .execute(async (tx) => {
      await lockRegistration(tx, { villageId: village.id, idNumbers: normalized });
      const heldBy = new Map((await currentMembershipsOf(tx, normalized)).map((row) => [row.id_number, row]));
      refuseHeadOfAnother(input.members, normalized, heldBy);
      const number = `${village.code}-${String(await nextHouseholdSequence(tx, village.code)).padStart(4, '0')}`;
      const { id } = await insertHousehold(tx, {
        number,
        village_id: village.id,
        type: input.type ?? 'ordinary',
        main_cause: input.mainCause ?? 'other',
        secondary_causes: input.secondaryCauses ?? [],
        status: 'identified',
        identified_on: identifiedOn,
        phone: input.phone ?? null,
      });
      const known = new Map((await personsByIdNumbers(tx, normalized)).map((p) => [p.id_number, p.id]));
      const claims: DuplicateClaim[] = [];
      for (const [index, member] of input.members.entries()) {
        const valid = ids[index]!;
        const holder = repeats.has(index) ? id : heldBy.get(valid.normalized)?.household_id;
        if (holder !== undefined) {
          claims.push({ member: { ...member, idNumber: valid.normalized }, holderHouseholdId: holder });
          continue;
        }
        const personId = known.get(valid.normalized) ?? (await insertPerson(tx, newPersonValues(valid, member))).id;
        await insertMembership(tx, {
          household_id: id,
          person_id: personId,
          relation: member.relation,
          start_on: identifiedOn,
        });
      }
      await flagDuplicates(tx, { householdId: id, claims });
      await refreshVillageStats(tx, [village.id]);
      await appendAudit(
        tx,
        ctx.actor,
        {
          action: 'registry.household_identified',
          entity: 'registry_household',
          entityId: id,
          unitPath: village.path,
          after: {
            number,
            village: village.code,
            members: input.members.length - claims.length,
            pendingDuplicates: claims.map((claim) => maskIdNumber(claim.member.idNumber)),
          },
        },
        ctx.clock.now(),
      );
      return id;
    })
    // Registrations wait for each other (lockRegistration), but an import or an applied change request adding
    // the same person at the same moment still meets the unique indexes.
    .catch(refuseLostRegistrationRace);
  return getHousehold(ctx, { id: householdId, reveal: false });
}
