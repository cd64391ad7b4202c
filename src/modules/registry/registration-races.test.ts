import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { refuseLostRegistrationRace } from './registration-races.ts';

function thrown(error: unknown): unknown {
  try {
    refuseLostRegistrationRace(error);
  } catch (rethrown) {
    return rethrown;
  }
  throw new Error('refuseLostRegistrationRace returned');
}

describe('refuseLostRegistrationRace', () => {
  it.each(['registry_membership_one_household', 'registry_person_id_number_key', 'registry_household_number_key'])(
    'turns a unique violation of %s into REGISTRY_REGISTERED_CONCURRENTLY',
    (constraint) => {
      const error = thrown(Object.assign(new Error('duplicate key'), { code: '23505', constraint }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('REGISTRY_REGISTERED_CONCURRENTLY');
    },
  );

  it.each([
    ['another unique index', { code: '23505', constraint: 'registry_membership_one_head' }],
    ['another error on the same index', { code: '23503', constraint: 'registry_person_id_number_key' }],
    ['an error without a code', {}],
  ])('rethrows %s unchanged', (_, fields) => {
    const original = Object.assign(new Error('other'), fields);
    expect(thrown(original)).toBe(original);
  });
});
