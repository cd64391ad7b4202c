import { AppError, type FieldIssue } from '../../platform/errors.ts';
import type { TaskRow } from './queries.ts';
import {
  type ActionPayload,
  type ActorRole,
  applyTaskAction,
  type ExtensibleStatus,
  FINAL_STATUSES,
  type RefusalReason,
  type TaskAction,
  type TaskState,
  type TaskStatus,
} from './rules/task-states.ts';

export function stateOf(task: TaskRow): TaskState {
  return {
    status: task.status as TaskStatus,
    deadline: task.deadline,
    ...(task.status_before_extension
      ? { statusBeforeExtension: task.status_before_extension as ExtensibleStatus }
      : {}),
  };
}

/**
 * Applies the state machine for the first of the actor's parts that may take the action. When none may,
 * the refusal that says most wins: what the actor submitted, then the part, then the state.
 */
export function decide(
  task: TaskRow,
  action: TaskAction,
  roles: readonly ActorRole[],
  now: Date,
  payload: ActionPayload = {},
): TaskState & { role: ActorRole } {
  if (roles.length === 0) throw new AppError('TASK_ACTION_NOT_YOURS', { action });
  const state = stateOf(task);
  const refusals: RefusalReason[] = [];
  for (const role of roles) {
    const outcome = applyTaskAction(state, action, role, now, payload);
    if (outcome.ok) {
      const { ok: _ok, ...next } = outcome;
      return { ...next, role };
    }
    refusals.push(outcome.reason);
  }
  const reason =
    refusals.find((r) => r !== 'illegal_transition' && r !== 'not_allowed_for_role') ??
    (refusals.includes('not_allowed_for_role') ? 'not_allowed_for_role' : 'illegal_transition');
  throw refusalError(reason, task, action);
}

function refusalError(reason: RefusalReason, task: TaskRow, action: TaskAction): AppError {
  const issue = (field: string): FieldIssue[] => [{ field, code: reason, message: reason }];
  switch (reason) {
    case 'illegal_transition':
      return FINAL_STATUSES.includes(task.status as TaskStatus)
        ? new AppError('TASK_FINAL', { status: task.status })
        : new AppError('TASK_TRANSITION_ILLEGAL', { status: task.status, action });
    case 'not_allowed_for_role':
      return new AppError('TASK_ACTION_NOT_YOURS', { action });
    case 'deadline_passed':
      return new AppError('TASK_DEADLINE_PASSED', { deadline: task.deadline, action });
    case 'reason_required':
      return new AppError('TASK_REASON_REQUIRED', {}, issue('reason'));
    case 'new_deadline_required':
    case 'new_deadline_not_later':
    case 'new_deadline_passed':
      return new AppError('TASK_NEW_DEADLINE_INVALID', { deadline: task.deadline }, issue('newDeadline'));
  }
}
