import { describe, expect, it } from 'vitest';
import { type DuplicateCase, type DuplicateDecision, refuseDuplicateDecision } from './duplicate-decision.ts';

const child: DuplicateCase = {
  claimedRelation: 'child',
  heldRelation: 'child',
  sameHousehold: false,
  claimingHeaded: true,
};
const headClaim: DuplicateCase = { ...child, claimedRelation: 'head', claimingHeaded: false };

describe('refuseDuplicateDecision', () => {
  it.each<[DuplicateDecision, DuplicateCase, string | null]>([
    ['keep_existing', child, null],
    ['keep_new', child, null],
    ['correct_id', child, null],
    // The claiming household registered the person as its head: closing the claim would leave it headless.
    ['keep_existing', headClaim, 'claim_is_head'],
    ['keep_new', headClaim, null],
    ['correct_id', headClaim, null],
    // The claiming household got another head meanwhile (a change of head): joining would make two.
    ['keep_existing', { ...headClaim, claimingHeaded: true }, null],
    ['keep_new', { ...headClaim, claimingHeaded: true }, 'claim_household_headed'],
    ['correct_id', { ...headClaim, claimingHeaded: true }, 'claim_household_headed'],
    // Moving the holder's head away would leave the holding household headless.
    ['keep_new', { ...child, heldRelation: 'head' }, 'holder_head'],
    ['keep_existing', { ...child, heldRelation: 'head' }, null],
    // No longer a member anywhere: moving them is simply joining.
    ['keep_new', { ...child, heldRelation: null }, null],
    // Repeated within one household: the person is already there.
    ['keep_new', { ...child, sameHousehold: true }, 'same_household'],
    ['keep_existing', { ...child, sameHousehold: true }, null],
    ['keep_existing', { ...child, sameHousehold: true, claimedRelation: 'head' }, null],
    ['keep_existing', { ...headClaim, sameHousehold: true }, null],
    ['correct_id', { ...child, sameHousehold: true }, null],
  ])('%s on %o → %s', (decision, duplicate, reason) => {
    expect(refuseDuplicateDecision(decision, duplicate)?.reason ?? null).toBe(reason);
  });
});
