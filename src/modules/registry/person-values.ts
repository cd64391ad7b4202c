import type { Insertable } from 'kysely';
import type { RegistryPersonTable } from '../../platform/db-schema.ts';
import type { ValidIdNumber } from './rules/id-number.ts';
import type { MemberInput } from './schema.ts';

/** A new person from a validated number (which gives sex and birth date) and the details entered for them. */
export function newPersonValues(
  valid: ValidIdNumber,
  member: Omit<MemberInput, 'idNumber' | 'relation'>,
): Insertable<RegistryPersonTable> {
  return {
    id_number: valid.normalized,
    name: member.name,
    sex: valid.sex,
    birth_date: valid.birthDate,
    ethnicity: member.ethnicity ?? '汉族',
    education: member.education ?? null,
    health: member.health ?? 'healthy',
    labour_capacity: member.labourCapacity ?? 'ordinary',
    phone: member.phone ?? null,
  };
}
