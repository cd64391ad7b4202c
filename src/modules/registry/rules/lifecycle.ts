/**
 * The status a household passes through:
 *
 *   (none) → identified → registered → exited → monitored(unstable_exited) ⇄ risk_eliminated
 *   (none) → monitored(marginal | sudden_difficulty) ⇄ risk_eliminated
 *
 * Marginal and sudden-difficulty households were never registered poor, so they enter monitoring with no
 * prior status. A household whose risk was eliminated can be monitored again. The monitoring kind follows
 * the household's history: one that exited poverty is monitored as unstable-exited and nothing else; one
 * that never registered can be marginal or have a sudden difficulty, but never be "unstable exited". So a
 * risk-eliminated household keeps the kind it was monitored under, which is all the history this needs.
 */
export type MonitoringKind = 'unstable_exited' | 'marginal' | 'sudden_difficulty';

export type HouseholdState =
  | { status: 'identified' | 'registered' | 'exited' }
  | { status: 'monitored' | 'risk_eliminated'; kind: MonitoringKind };

export type TransitionResult =
  | { ok: true }
  | {
      ok: false;
      /**
       * `unchanged`: the household is already there. `monitoring_kind_not_allowed`: the status may follow
       * but not with that kind. `not_a_next_status`: the status cannot follow the current one at all.
       */
      reason: 'unchanged' | 'monitoring_kind_not_allowed' | 'not_a_next_status';
      /** What may follow instead, for the refusal to offer. */
      allowed: HouseholdState[];
    };

const KINDS_AFTER_EXIT: readonly MonitoringKind[] = ['unstable_exited'];
const KINDS_WITHOUT_REGISTRATION: readonly MonitoringKind[] = ['marginal', 'sudden_difficulty'];

const monitored = (kind: MonitoringKind): HouseholdState => ({ status: 'monitored', kind });

/** The states that may follow `current`; `null` is a household with no status yet. */
export function nextStatuses(current: HouseholdState | null): HouseholdState[] {
  if (current === null) return [{ status: 'identified' }, ...KINDS_WITHOUT_REGISTRATION.map(monitored)];
  switch (current.status) {
    case 'identified':
      return [{ status: 'registered' }];
    case 'registered':
      return [{ status: 'exited' }];
    case 'exited':
      return KINDS_AFTER_EXIT.map(monitored);
    case 'monitored':
      return [{ status: 'risk_eliminated', kind: current.kind }];
    case 'risk_eliminated':
      return (KINDS_AFTER_EXIT.includes(current.kind) ? KINDS_AFTER_EXIT : KINDS_WITHOUT_REGISTRATION).map(monitored);
  }
}

export function assertTransition(from: HouseholdState | null, to: HouseholdState): TransitionResult {
  const allowed = nextStatuses(from);
  if (allowed.some((state) => sameState(state, to))) return { ok: true };
  if (from !== null && sameState(from, to)) return { ok: false, reason: 'unchanged', allowed };
  const statusMayFollow = allowed.some((state) => state.status === to.status);
  return { ok: false, reason: statusMayFollow ? 'monitoring_kind_not_allowed' : 'not_a_next_status', allowed };
}

function sameState(a: HouseholdState, b: HouseholdState): boolean {
  return a.status === b.status && kindOf(a) === kindOf(b);
}

function kindOf(state: HouseholdState): MonitoringKind | undefined {
  return 'kind' in state ? state.kind : undefined;
}
