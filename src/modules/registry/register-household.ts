import { appendAudit } from '../../platform/audit.ts';
import { chinaDateOf } from '../../platform/calendar-date.ts';
import { AppError } from '../../platform/errors.ts';
import { authorize } from '../auth/access.ts';
import type { ServiceContext } from '../auth/context.ts';
import { normalizeUnitCode } from '../org/codes.ts';
import { validateIdNumbers } from './id-numbers.ts';
import {
  currentMembershipsOf,
  insertHousehold,
  insertMembership,
  insertPerson,
  nextHouseholdSequence,
  personsByIdNumbers,
  refreshVillageStats,
  unitByCode,
} from './queries.ts';
import type { CreateHouseholdInput } from './schema.ts';
import { getHousehold } from './service.ts';

/** Exactly one head, and no identity number twice: checked before anything is written. */
function assertComposition(members: CreateHouseholdInput['members'], normalized: readonly string[]) {
  const heads = members.filter((member) => member.relation === 'head').length;
  if (heads !== 1) {
    throw new AppError('REGISTRY_HEAD_COUNT', { count: heads }, [
      { field: 'members', code: 'head_count', message: String(heads) },
    ]);
  }
  const seen = new Map<string, number>();
  normalized.forEach((id, index) => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new AppError('REGISTRY_DUPLICATE_IN_HOUSEHOLD', {}, [
        { field: `members.${index}.idNumber`, code: 'duplicate_in_household', message: `members.${first}.idNumber` },
      ]);
    }
    seen.set(id, index);
  });
}

/**
 * Identifies a household (status `identified`) in a village with its members, in one transaction with its
 * audit record and the village's statistics. A member who belongs to another household now is refused:
 * transfers go through a change request.
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
  assertComposition(input.members, normalized);

  const householdId = await ctx.db
    .transaction()
    .execute(async (tx) => {
      const taken = await currentMembershipsOf(tx, normalized);
      if (taken.length > 0) {
        const first = taken[0]!;
        const index = normalized.indexOf(first.id_number);
        throw new AppError(
          'REGISTRY_MEMBER_IN_OTHER_HOUSEHOLD',
          { idNumber: input.members[index]?.idNumber ?? '', household: first.household_number },
          taken.map((row) => ({
            field: `members.${normalized.indexOf(row.id_number)}.idNumber`,
            code: 'member_in_other_household',
            message: row.household_number,
          })),
        );
      }
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
      for (const [index, member] of input.members.entries()) {
        const valid = ids[index]!;
        const personId =
          known.get(valid.normalized) ??
          (
            await insertPerson(tx, {
              id_number: valid.normalized,
              name: member.name,
              sex: valid.sex,
              birth_date: valid.birthDate,
              ethnicity: member.ethnicity ?? '汉族',
              education: member.education ?? null,
              health: member.health ?? 'healthy',
              labour_capacity: member.labourCapacity ?? 'ordinary',
              phone: member.phone ?? null,
            })
          ).id;
        await insertMembership(tx, {
          household_id: id,
          person_id: personId,
          relation: member.relation,
          start_on: identifiedOn,
        });
      }
      await refreshVillageStats(tx, [village.id]);
      await appendAudit(
        tx,
        ctx.actor,
        {
          action: 'registry.household_identified',
          entity: 'registry_household',
          entityId: id,
          unitPath: village.path,
          after: { number, village: village.code, members: input.members.length },
        },
        ctx.clock.now(),
      );
      return id;
    })
    .catch((error: unknown) => {
      // Two clerks adding the same person at once: the second meets the one-household index, not a 500.
      if (isUniqueViolation(error, 'registry_membership_one_household')) {
        throw new AppError('REGISTRY_MEMBER_IN_OTHER_HOUSEHOLD', { idNumber: '', household: '' });
      }
      throw error;
    });
  return getHousehold(ctx, { id: householdId, reveal: false });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: string }).code === '23505' &&
    (error as { constraint?: string }).constraint === constraint
  );
}
