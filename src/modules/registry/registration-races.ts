import { AppError } from '../../platform/errors.ts';

/**
 * The unique indexes a registration, an import or an applied change request meets when another transaction
 * saves the same person or household number at the same moment.
 */
const REGISTRATION_RACES = [
  'registry_membership_one_household',
  'registry_person_id_number_key',
  'registry_household_number_key',
];

function isUniqueViolation(error: unknown, constraint: string): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: string }).code === '23505' &&
    (error as { constraint?: string }).constraint === constraint
  );
}

/**
 * Rethrows a transaction's error, a lost race on those indexes as a specific 409 (the transaction saved
 * nothing; trying again meets the other's record and is judged on it), anything else as it was.
 */
export function refuseLostRegistrationRace(error: unknown): never {
  if (REGISTRATION_RACES.some((constraint) => isUniqueViolation(error, constraint))) {
    throw new AppError('REGISTRY_REGISTERED_CONCURRENTLY', {});
  }
  throw error;
}
