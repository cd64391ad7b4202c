/**
 * Deciding a duplicate case: the same identity number was claimed by a household (the claim) while an active
 * member of another household, or repeated within one household (the holder is then the same household).
 *
 * - `keep_existing`: the person stays where they are; the claim is closed.
 * - `keep_new`: the person moves — the holder's membership ends (dated, with the reason), the claim joins.
 * - `correct_id`: two persons, one number mistyped — the claim joins under the corrected number.
 *
 * Whatever is decided, every household keeps exactly one head: a head cannot be taken out of the household
 * that holds them; a claim as head cannot be closed without joining while the claiming household has no other
 * head — and once it has one (a change of head approved meanwhile), the claim can only be closed, since joining
 * would give it two. Within one household the person is already a member, so only keeping or correcting makes
 * sense.
 */
export const duplicateDecisions = ['keep_existing', 'keep_new', 'correct_id'] as const;
export type DuplicateDecision = (typeof duplicateDecisions)[number];

export type DuplicateCase = {
  /** The relation the claim gave the person in the claiming household. */
  claimedRelation: string;
  /** The relation the person holds now in the holding household (null when no longer a member anywhere). */
  heldRelation: string | null;
  sameHousehold: boolean;
  /** Whether the claiming household has a head now (a claim as head leaves it headless until decided). */
  claimingHeaded: boolean;
};

export type DuplicateRefusal = {
  field: string;
  reason: 'claim_is_head' | 'claim_household_headed' | 'holder_head' | 'same_household';
};

export function refuseDuplicateDecision(
  decision: DuplicateDecision,
  duplicate: DuplicateCase,
): DuplicateRefusal | null {
  const headClaim = duplicate.claimedRelation === 'head' && !duplicate.sameHousehold;
  switch (decision) {
    case 'keep_existing':
      return headClaim && !duplicate.claimingHeaded ? { field: 'decision', reason: 'claim_is_head' } : null;
    case 'keep_new':
      if (duplicate.sameHousehold) return { field: 'decision', reason: 'same_household' };
      if (headClaim && duplicate.claimingHeaded) return { field: 'decision', reason: 'claim_household_headed' };
      return duplicate.heldRelation === 'head' ? { field: 'decision', reason: 'holder_head' } : null;
    case 'correct_id':
      return headClaim && duplicate.claimingHeaded ? { field: 'decision', reason: 'claim_household_headed' } : null;
  }
}
