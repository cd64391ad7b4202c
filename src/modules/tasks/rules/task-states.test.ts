import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_ROLES,
  applyTaskAction,
  availableActions,
  decisionAmendmentRefusal,
  FINAL_STATUSES,
  TASK_ACTIONS,
  TASK_STATUSES,
  type ActionPayload,
  type ActorRole,
  type TaskAction,
  type TaskState,
  type TaskStatus,
} from './task-states.ts';

const DEADLINE = '2024-06-30';
/** 10:00 in Beijing on 2024-06-01, well before the deadline. */
const EARLY = new Date('2024-06-01T02:00:00Z');
const FULL_PAYLOAD: ActionPayload = { reason: 'Land acquisition delayed', newDeadline: '2024-09-30' };

function task(status: TaskStatus): TaskState {
  return status === 'extension_requested'
    ? { status, deadline: DEADLINE, statusBeforeExtension: 'in_progress' }
    : { status, deadline: DEADLINE };
}

/**
 * Every legal move, written out as the specification reads. Any (status, action, role) not listed is refused:
 * `not_allowed_for_role` when another role may make that move, `illegal_transition` when nobody may.
 */
const LEGAL: [TaskStatus, TaskAction, ActorRole, TaskStatus][] = [
  ['draft', 'amend', 'issuer', 'draft'],
  ['draft', 'issue', 'issuer', 'issued'],
  ['draft', 'cancel', 'issuer', 'cancelled'],
  ['issued', 'acknowledge', 'lead', 'acknowledged'],
  ['issued', 'request_extension', 'lead', 'extension_requested'],
  ['issued', 'cancel', 'issuer', 'cancelled'],
  ['acknowledged', 'start', 'lead', 'in_progress'],
  ['acknowledged', 'report_progress', 'lead', 'in_progress'],
  ['acknowledged', 'request_extension', 'lead', 'extension_requested'],
  ['acknowledged', 'cancel', 'issuer', 'cancelled'],
  ['in_progress', 'report_progress', 'lead', 'in_progress'],
  ['in_progress', 'report_progress', 'cooperating', 'in_progress'],
  ['in_progress', 'report_completion', 'lead', 'completion_reported'],
  ['in_progress', 'request_extension', 'lead', 'extension_requested'],
  ['in_progress', 'cancel', 'issuer', 'cancelled'],
  ['completion_reported', 'verify', 'supervisor', 'closed'],
  ['completion_reported', 'return', 'supervisor', 'returned'],
  ['completion_reported', 'cancel', 'issuer', 'cancelled'],
  ['returned', 'resume', 'lead', 'in_progress'],
  ['returned', 'report_progress', 'lead', 'in_progress'],
  ['returned', 'report_completion', 'lead', 'completion_reported'],
  ['returned', 'request_extension', 'lead', 'extension_requested'],
  ['returned', 'cancel', 'issuer', 'cancelled'],
  ['extension_requested', 'approve_extension', 'issuer', 'in_progress'],
  ['extension_requested', 'approve_extension', 'supervisor', 'in_progress'],
  ['extension_requested', 'reject_extension', 'issuer', 'in_progress'],
  ['extension_requested', 'reject_extension', 'supervisor', 'in_progress'],
  ['extension_requested', 'cancel', 'issuer', 'cancelled'],
];

const ALL_TRIPLES = TASK_STATUSES.flatMap((status) =>
  TASK_ACTIONS.flatMap((action) => ACTOR_ROLES.map((role) => [status, action, role] as const)),
);

describe('applyTaskAction over every (status × action × role)', () => {
  it.each(ALL_TRIPLES)('%s + %s by %s', (status, action, role) => {
    const legal = LEGAL.find(([from, act, who]) => from === status && act === action && who === role);
    const someoneMay = LEGAL.some(([from, act]) => from === status && act === action);
    const outcome = applyTaskAction(task(status), action, role, EARLY, FULL_PAYLOAD);
    if (legal) expect(outcome).toMatchObject({ ok: true, status: legal[3] });
    else
      expect(outcome).toMatchObject({ ok: false, reason: someoneMay ? 'not_allowed_for_role' : 'illegal_transition' });
  });

  it('offers, with a refusal, what the actor may do instead', () => {
    expect(applyTaskAction(task('issued'), 'verify', 'lead', EARLY)).toEqual({
      ok: false,
      reason: 'illegal_transition',
      allowed: ['acknowledge', 'request_extension'],
    });
    expect(applyTaskAction(task('completion_reported'), 'verify', 'lead', EARLY)).toEqual({
      ok: false,
      reason: 'not_allowed_for_role',
      allowed: [],
    });
  });
});

describe('availableActions', () => {
  it.each([
    ['draft', 'issuer', ['amend', 'issue', 'cancel']],
    ['issued', 'lead', ['acknowledge', 'request_extension']],
    ['acknowledged', 'lead', ['start', 'report_progress', 'request_extension']],
    ['in_progress', 'lead', ['report_progress', 'report_completion', 'request_extension']],
    ['in_progress', 'cooperating', ['report_progress']],
    ['in_progress', 'supervisor', []],
    ['completion_reported', 'supervisor', ['verify', 'return']],
    ['returned', 'lead', ['report_progress', 'report_completion', 'resume', 'request_extension']],
    ['extension_requested', 'issuer', ['approve_extension', 'reject_extension', 'cancel']],
    ['extension_requested', 'supervisor', ['approve_extension', 'reject_extension']],
    ['closed', 'issuer', []],
    ['cancelled', 'lead', []],
  ] as const)('%s for the %s: %j', (status, role, actions) => {
    expect(availableActions(task(status), role, EARLY)).toEqual(actions);
  });

  it('stops offering an extension once the deadline day has ended in Beijing', () => {
    const inProgress = task('in_progress');
    // 23:59 on the deadline day in Beijing is 15:59 UTC; 00:30 the next day is 16:30 UTC.
    expect(availableActions(inProgress, 'lead', new Date('2024-06-30T15:59:00Z'))).toContain('request_extension');
    expect(availableActions(inProgress, 'lead', new Date('2024-06-30T16:30:00Z'))).toEqual([
      'report_progress',
      'report_completion',
    ]);
  });
});

describe('extensions', () => {
  const onDeadlineDay = new Date('2024-06-30T08:00:00Z');
  const dayAfter = new Date('2024-07-01T08:00:00Z');

  it('may be requested up to and on the deadline day, not after', () => {
    const request = (now: Date) =>
      applyTaskAction(task('acknowledged'), 'request_extension', 'lead', now, FULL_PAYLOAD);
    expect(request(onDeadlineDay)).toEqual({
      ok: true,
      status: 'extension_requested',
      deadline: DEADLINE,
      statusBeforeExtension: 'acknowledged',
    });
    expect(request(dayAfter)).toMatchObject({ ok: false, reason: 'deadline_passed' });
  });

  it.each([
    [{ newDeadline: '2024-09-30' }, 'reason_required'],
    [{ reason: '   ', newDeadline: '2024-09-30' }, 'reason_required'],
    [{ reason: 'Rain' }, 'new_deadline_required'],
    [{ reason: 'Rain', newDeadline: DEADLINE }, 'new_deadline_not_later'],
    [{ reason: 'Rain', newDeadline: '2024-06-29' }, 'new_deadline_not_later'],
  ])('a request with %j is refused: %s', (payload, reason) => {
    expect(applyTaskAction(task('in_progress'), 'request_extension', 'lead', EARLY, payload)).toMatchObject({
      ok: false,
      reason,
    });
  });

  it('approval returns the task where it was with the later deadline', () => {
    const requested: TaskState = {
      status: 'extension_requested',
      deadline: DEADLINE,
      statusBeforeExtension: 'returned',
    };
    expect(
      applyTaskAction(requested, 'approve_extension', 'supervisor', dayAfter, { newDeadline: '2024-07-31' }),
    ).toEqual({ ok: true, status: 'returned', deadline: '2024-07-31' });
  });

  it.each([
    [{}, 'new_deadline_required'],
    [{ newDeadline: DEADLINE }, 'new_deadline_not_later'],
    // Later than the old deadline, but already gone when the decision is taken.
    [{ newDeadline: '2024-07-05' }, 'new_deadline_passed'],
  ])('approval with %j is refused: %s', (payload, reason) => {
    const decidedLate = new Date('2024-07-10T02:00:00Z');
    expect(
      applyTaskAction(task('extension_requested'), 'approve_extension', 'issuer', decidedLate, payload),
    ).toMatchObject({ ok: false, reason });
  });

  it('rejection returns the task where it was with its deadline unchanged, and needs a reason', () => {
    expect(
      applyTaskAction(task('extension_requested'), 'reject_extension', 'issuer', dayAfter, { reason: 'No' }),
    ).toEqual({
      ok: true,
      status: 'in_progress',
      deadline: DEADLINE,
    });
    expect(applyTaskAction(task('extension_requested'), 'reject_extension', 'issuer', dayAfter)).toMatchObject({
      ok: false,
      reason: 'reason_required',
    });
  });
});

describe('other checks', () => {
  it('refuses to issue a task whose deadline has already gone', () => {
    expect(applyTaskAction(task('draft'), 'issue', 'issuer', new Date('2024-07-01T00:00:00Z'))).toMatchObject({
      ok: false,
      reason: 'deadline_passed',
      allowed: ['amend', 'cancel'],
    });
  });

  it('lets the issuer correct the deadline of a draft', () => {
    expect(applyTaskAction(task('draft'), 'amend', 'issuer', EARLY, { newDeadline: '2024-12-31' })).toEqual({
      ok: true,
      status: 'draft',
      deadline: '2024-12-31',
    });
    expect(applyTaskAction(task('draft'), 'amend', 'issuer', EARLY)).toEqual({
      ok: true,
      status: 'draft',
      deadline: DEADLINE,
    });
  });

  it.each(['return', 'cancel'] as const)('%s needs a reason', (action) => {
    const role = action === 'return' ? 'supervisor' : 'issuer';
    expect(applyTaskAction(task('completion_reported'), action, role, EARLY)).toMatchObject({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('lets work go on after the deadline: an overdue task can still be reported and closed', () => {
    const late = new Date('2024-08-01T02:00:00Z');
    const reported = applyTaskAction(task('in_progress'), 'report_completion', 'lead', late);
    expect(reported).toMatchObject({ ok: true, status: 'completion_reported' });
    expect(applyTaskAction(task('completion_reported'), 'verify', 'supervisor', late)).toMatchObject({
      ok: true,
      status: 'closed',
    });
  });
});

describe('any sequence of actions', () => {
  type Step = { action: TaskAction; role: ActorRole; days: number; payload: ActionPayload };
  const step: fc.Arbitrary<Step> = fc.record({
    action: fc.constantFrom(...TASK_ACTIONS),
    role: fc.constantFrom(...ACTOR_ROLES),
    days: fc.integer({ min: 0, max: 20 }),
    payload: fc.record(
      {
        reason: fc.constantFrom('', 'Flooding'),
        newDeadline: fc.constantFrom('2024-06-10', '2024-07-15', '2024-12-31'),
      },
      { requiredKeys: [] },
    ),
  });

  function addDays(instant: Date, days: number): Date {
    return new Date(instant.getTime() + days * 86_400_000);
  }

  it('never leaves closed or cancelled, keeps statusBeforeExtension exactly while an extension is pending, and never shortens the deadline once issued', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let state: TaskState = { status: 'draft', deadline: '2024-06-20' };
        let now = new Date('2024-06-01T02:00:00Z');
        for (const { action, role, days, payload } of steps) {
          now = addDays(now, days);
          const outcome = applyTaskAction(state, action, role, now, payload);
          if (FINAL_STATUSES.includes(state.status)) expect(outcome.ok).toBe(false);
          if (!outcome.ok) continue;
          const { ok: _ok, ...next } = outcome;
          expect(next.statusBeforeExtension !== undefined).toBe(next.status === 'extension_requested');
          if (state.status !== 'draft') expect(next.deadline >= state.deadline).toBe(true);
          state = next;
        }
      }),
    );
  });

  it('agrees with availableActions: an offered action with a complete payload succeeds, and nothing else does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TASK_STATUSES),
        fc.constantFrom(...TASK_ACTIONS),
        fc.constantFrom(...ACTOR_ROLES),
        fc.integer({ min: -40, max: 40 }),
        (status, action, role, daysFromDeadline) => {
          const now = addDays(new Date('2024-06-30T04:00:00Z'), daysFromDeadline);
          const payload = { reason: 'Flooding', newDeadline: '2025-12-31' };
          const offered = availableActions(task(status), role, now).includes(action);
          expect(applyTaskAction(task(status), action, role, now, payload).ok).toBe(offered);
        },
      ),
    );
  });
});

describe('decisionAmendmentRefusal', () => {
  it.each([
    ['draft', ['issuer'], true, null],
    ['issued', ['issuer'], false, null],
    ['in_progress', ['issuer', 'supervisor'], false, null],
    ['extension_requested', ['issuer'], false, null],
    ['issued', ['issuer'], true, 'dates_fixed'],
    ['in_progress', ['lead'], false, 'not_allowed_for_role'],
    ['issued', ['supervisor'], false, 'not_allowed_for_role'],
    ['closed', ['issuer'], false, 'final'],
    ['cancelled', ['issuer'], true, 'final'],
  ] as const)('%s as %j, dates changed: %s → %s', (status, roles, dates, refusal) => {
    expect(decisionAmendmentRefusal(status, roles, { dates })).toBe(refusal);
  });
});
