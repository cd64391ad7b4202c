import type { Tx } from '../../platform/database.ts';

/**
 * A unit moved in the tree: every path starting with `oldPrefix` (the unit's own and its descendants')
 * now starts with `newPrefix`. Other modules keep copies of paths for scope checks and counts (a task's lead
 * unit, its grants); they follow the move in the org change's own transaction, so no reader ever sees
 * the tree and their copies disagree.
 */
export type UnitMove = { oldPrefix: string; newPrefix: string };
export type UnitMoveFollower = (tx: Tx, move: UnitMove) => Promise<void>;

const followers = new Map<string, UnitMoveFollower>();

/** Registers (or replaces) the follower called `name`; `src/server/wire-modules.ts` plugs the modules in. */
export function followUnitMoves(name: string, follower: UnitMoveFollower): void {
  followers.set(name, follower);
}

export async function announceUnitMove(tx: Tx, move: UnitMove): Promise<void> {
  for (const follower of followers.values()) await follower(tx, move);
}
