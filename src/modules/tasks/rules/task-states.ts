import { chinaDateOf, dayNumber } from '../../../platform/calendar-date.ts';

/**
 * The life of a task, from the issuer's draft to its verified close:
 *
 *   draft ─issue→ issued ─acknowledge (签收)→ acknowledged ─start | report_progress→ in_progress
 *   in_progress ─report_completion→ completion_reported ─verify→ closed
 *                                                       └─return (退回)→ returned
 *   returned ─resume | report_progress→ in_progress;  returned ─report_completion→ completion_reported
 *   issued | acknowledged | in_progress | returned ─request_extension→ extension_requested
 *   extension_requested ─approve_extension | reject_extension→ the status the request came from
 *   every status but closed and cancelled ─cancel→ cancelled
 *
 * `closed` and `cancelled` are final. Deadlines are calendar days in China (see `platform/calendar-date.ts`): a task is
 * within its deadline until the deadline day ends.
 */
export const TASK_STATUSES = [
  'draft',
  'issued',
  'acknowledged',
  'in_progress',
  'completion_reported',
  'returned',
  'extension_requested',
  'closed',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINAL_STATUSES: readonly TaskStatus[] = ['closed', 'cancelled'];

/** The statuses an extension may be requested from, and so the ones a decision on it returns to. */
export const EXTENSIBLE_STATUSES = ['issued', 'acknowledged', 'in_progress', 'returned'] as const;
export type ExtensibleStatus = (typeof EXTENSIBLE_STATUSES)[number];

/** In the order a user meets them, which is the order `availableActions` lists them in. */
export const TASK_ACTIONS = [
  'amend',
  'issue',
  'acknowledge',
  'start',
  'report_progress',
  'report_completion',
  'verify',
  'return',
  'resume',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** The actor's part in this task (not a system role): one unit can lead one task and co-operate on another. */
export const ACTOR_ROLES = ['issuer', 'lead', 'cooperating', 'supervisor'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export type TaskState = {
  status: TaskStatus;
  deadline: string;
  /** Set exactly while the status is `extension_requested`. */
  statusBeforeExtension?: ExtensibleStatus;
};

export type ActionPayload = {
  /** Why: required to return a report, request or reject an extension, or cancel a task. */
  reason?: string;
  /** The deadline proposed (`request_extension`), granted (`approve_extension`) or corrected (`amend`). */
  newDeadline?: string;
};

export type RefusalReason =
  | 'illegal_transition'
  | 'not_allowed_for_role'
  | 'deadline_passed'
  | 'reason_required'
  | 'new_deadline_required'
  | 'new_deadline_not_later'
  | 'new_deadline_passed';

export type ActionOutcome =
  | ({ ok: true } & TaskState)
  | {
      ok: false;
      reason: RefusalReason;
      /** What this actor may do instead right now, for the refusal to offer. */
      allowed: TaskAction[];
    };

type Transition = {
  action: TaskAction;
  from: readonly TaskStatus[];
  roles: readonly ActorRole[];
  to: TaskStatus | 'status_before_extension';
};

const OPEN_STATUSES = TASK_STATUSES.filter((status) => !FINAL_STATUSES.includes(status));

/** At most one row per (action, from-status): the row decides who may act and where the task goes. */
const TRANSITIONS: readonly Transition[] = [
  // Once issued, the deadline changes only through an extension, so that the change is on record.
  { action: 'amend', from: ['draft'], roles: ['issuer'], to: 'draft' },
  { action: 'issue', from: ['draft'], roles: ['issuer'], to: 'issued' },
  { action: 'acknowledge', from: ['issued'], roles: ['lead'], to: 'acknowledged' },
  { action: 'start', from: ['acknowledged'], roles: ['lead'], to: 'in_progress' },
  // The first progress report starts the work, and one after a return resumes it.
  { action: 'report_progress', from: ['acknowledged', 'returned'], roles: ['lead'], to: 'in_progress' },
  // Co-operating units report their share of ongoing work; moving the task on stays with the lead unit.
  { action: 'report_progress', from: ['in_progress'], roles: ['lead', 'cooperating'], to: 'in_progress' },
  // A returned report can be corrected and sent again without first reporting progress.
  { action: 'report_completion', from: ['in_progress', 'returned'], roles: ['lead'], to: 'completion_reported' },
  { action: 'verify', from: ['completion_reported'], roles: ['supervisor'], to: 'closed' },
  { action: 'return', from: ['completion_reported'], roles: ['supervisor'], to: 'returned' },
  { action: 'resume', from: ['returned'], roles: ['lead'], to: 'in_progress' },
  { action: 'request_extension', from: EXTENSIBLE_STATUSES, roles: ['lead'], to: 'extension_requested' },
  {
    action: 'approve_extension',
    from: ['extension_requested'],
    roles: ['issuer', 'supervisor'],
    to: 'status_before_extension',
  },
  {
    action: 'reject_extension',
    from: ['extension_requested'],
    roles: ['issuer', 'supervisor'],
    to: 'status_before_extension',
  },
  { action: 'cancel', from: OPEN_STATUSES, roles: ['issuer'], to: 'cancelled' },
];

/** Actions that the calendar alone can forbid, before the actor has filled anything in. */
const REFUSED_AFTER_DEADLINE: ReadonlySet<TaskAction> = new Set(['issue', 'request_extension']);

const REASON_REQUIRED: ReadonlySet<TaskAction> = new Set(['return', 'request_extension', 'reject_extension', 'cancel']);

export function applyTaskAction(
  task: TaskState,
  action: TaskAction,
  actorRole: ActorRole,
  now: Date,
  payload: ActionPayload = {},
): ActionOutcome {
  const today = chinaDateOf(now);
  const refusal = refusalFor(task, action, actorRole, today) ?? payloadRefusal(task, action, today, payload);
  if (refusal) return { ok: false, reason: refusal, allowed: availableActions(task, actorRole, now) };
  return { ok: true, ...nextState(task, action, payload) };
}

/** The actions `actorRole` may take on the task now; each still needs a valid payload where it asks for one. */
/**
 * After issue a task is still amended by a decision (a meeting moves it to another leader, rewords it,
 * raises its priority), by the issuer, while it is open; its dates keep changing only through extensions.
 */
export function decisionAmendmentRefusal(
  status: TaskStatus,
  roles: readonly ActorRole[],
  changes: { dates: boolean },
): 'final' | 'not_allowed_for_role' | 'dates_fixed' | null {
  if (FINAL_STATUSES.includes(status)) return 'final';
  if (!roles.includes('issuer')) return 'not_allowed_for_role';
  if (changes.dates && status !== 'draft') return 'dates_fixed';
  return null;
}

export function availableActions(task: TaskState, actorRole: ActorRole, now: Date): TaskAction[] {
  const today = chinaDateOf(now);
  return TASK_ACTIONS.filter((action) => refusalFor(task, action, actorRole, today) === null);
}

function transitionFor(status: TaskStatus, action: TaskAction): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.action === action && transition.from.includes(status));
}

/** Refusals that depend on the task, the actor and the day, but not on what the actor submits. */
function refusalFor(task: TaskState, action: TaskAction, actorRole: ActorRole, today: string): RefusalReason | null {
  const transition = transitionFor(task.status, action);
  if (!transition) return 'illegal_transition';
  if (!transition.roles.includes(actorRole)) return 'not_allowed_for_role';
  if (REFUSED_AFTER_DEADLINE.has(action) && isAfter(today, task.deadline)) return 'deadline_passed';
  return null;
}

function payloadRefusal(
  task: TaskState,
  action: TaskAction,
  today: string,
  payload: ActionPayload,
): RefusalReason | null {
  if (REASON_REQUIRED.has(action) && !payload.reason?.trim()) return 'reason_required';
  if (action === 'request_extension' || action === 'approve_extension') {
    if (payload.newDeadline === undefined) return 'new_deadline_required';
    if (!isAfter(payload.newDeadline, task.deadline)) return 'new_deadline_not_later';
    // Granting a day that has already gone would make the task overdue the moment it is approved.
    if (action === 'approve_extension' && isAfter(today, payload.newDeadline)) return 'new_deadline_passed';
  }
  return null;
}

function nextState(task: TaskState, action: TaskAction, payload: ActionPayload): TaskState {
  const transition = transitionFor(task.status, action);
  if (!transition) throw new Error(`No transition for ${action} from ${task.status}`);
  if (action === 'request_extension') {
    return { status: 'extension_requested', deadline: task.deadline, statusBeforeExtension: extensible(task.status) };
  }
  if (transition.to === 'status_before_extension') {
    if (!task.statusBeforeExtension) throw new Error('An extension_requested task has no statusBeforeExtension');
    const granted = action === 'approve_extension' ? payload.newDeadline : undefined;
    return { status: task.statusBeforeExtension, deadline: granted ?? task.deadline };
  }
  const deadline = action === 'amend' ? (payload.newDeadline ?? task.deadline) : task.deadline;
  return { status: transition.to, deadline };
}

function extensible(status: TaskStatus): ExtensibleStatus {
  const found = EXTENSIBLE_STATUSES.find((candidate) => candidate === status);
  if (!found) throw new Error(`No extension can be requested from ${status}`);
  return found;
}

function isAfter(date: string, other: string): boolean {
  return dayNumber(date) > dayNumber(other);
}
