import { describe, expect, it } from 'vitest';
import type { TaskStatus } from '../../tasks/rules/task-states.ts';
import { DEFAULT_COLOUR_RULES, taskColour, YINCHUAN_COLOUR_RULES, type ColourInput } from './colour.ts';

/** 10:00 in Beijing on 2024-06-10, twenty days before the deadline. */
const NOW = new Date('2024-06-10T02:00:00Z');

function input(overrides: Partial<ColourInput> = {}): ColourInput {
  return {
    status: 'in_progress',
    deadline: '2024-06-30',
    plannedPercent: 50,
    reportedPercent: 50,
    lastReportReturned: false,
    now: NOW,
    ...overrides,
  };
}

/** Noon in Beijing on `date`. */
const noonOn = (date: string) => new Date(`${date}T04:00:00Z`);

describe('taskColour: pace against Yinchuan rules (10–30 points behind = yellow, more than 30 = red)', () => {
  it.each([
    [0, 'green', ['on_track']],
    [9, 'green', ['on_track']],
    [9.99, 'green', ['on_track']],
    [10, 'yellow', ['behind_pace']],
    [30, 'yellow', ['behind_pace']],
    [30.01, 'red', ['far_behind_pace']],
    [31, 'red', ['far_behind_pace']],
    [-20, 'green', ['on_track']],
  ])('%d points behind: %s', (behind, colour, reasons) => {
    const judged = taskColour(input({ plannedPercent: 60, reportedPercent: 60 - behind }), YINCHUAN_COLOUR_RULES);
    expect(judged).toEqual({ colour, reasons, behindPoints: behind, daysLeft: 20 });
  });

  it('is not upset by floating-point noise at a threshold', () => {
    // 40.3 − 10.3 is 29.999999999999996 in floating point; it is 30 points, which is yellow, not green.
    const judged = taskColour(input({ plannedPercent: 40.3, reportedPercent: 10.3 }), YINCHUAN_COLOUR_RULES);
    expect(judged).toMatchObject({ colour: 'yellow', behindPoints: 30 });
  });
});

describe('taskColour: pace against the default rules (no red for pace)', () => {
  it.each([
    [9, 'green'],
    [10, 'yellow'],
    [31, 'yellow'],
    [100, 'yellow'],
  ])('%d points behind: %s', (behind, colour) => {
    expect(taskColour(input({ plannedPercent: 100, reportedPercent: 100 - behind }), DEFAULT_COLOUR_RULES).colour).toBe(
      colour,
    );
  });
});

describe('taskColour: the calendar', () => {
  it.each([
    ['2024-06-22', 8, 'green', ['on_track']],
    ['2024-06-23', 7, 'blue', ['deadline_near']],
    ['2024-06-30', 0, 'blue', ['deadline_near']],
    ['2024-07-01', -1, 'red', ['overdue']],
  ])('on %s (%i days left): %s', (date, daysLeft, colour, reasons) => {
    expect(taskColour(input({ now: noonOn(date) }), DEFAULT_COLOUR_RULES)).toMatchObject({ colour, reasons, daysLeft });
  });

  it('turns red when the deadline day ends in Beijing, not in UTC', () => {
    expect(taskColour(input({ now: new Date('2024-06-30T15:59:00Z') }), DEFAULT_COLOUR_RULES).colour).toBe('blue');
    expect(taskColour(input({ now: new Date('2024-06-30T16:00:00Z') }), DEFAULT_COLOUR_RULES).colour).toBe('red');
  });
});

describe('taskColour: a returned report', () => {
  it('is yellow even on pace', () => {
    expect(taskColour(input({ lastReportReturned: true }), DEFAULT_COLOUR_RULES)).toMatchObject({
      colour: 'yellow',
      reasons: ['report_returned'],
    });
  });
});

describe('taskColour: precedence grey > red > yellow > blue > green, listing every reason that holds', () => {
  it.each([
    [
      'overdue, far behind, returned',
      { now: noonOn('2024-07-02'), reportedPercent: 10, lastReportReturned: true },
      'red',
      ['overdue', 'far_behind_pace', 'report_returned'],
    ],
    [
      'far behind and near the deadline',
      { now: noonOn('2024-06-28'), reportedPercent: 10 },
      'red',
      ['far_behind_pace', 'deadline_near'],
    ],
    [
      'behind, returned and near the deadline',
      { now: noonOn('2024-06-28'), reportedPercent: 35, lastReportReturned: true },
      'yellow',
      ['behind_pace', 'report_returned', 'deadline_near'],
    ],
    ['closed late and behind', { status: 'closed', now: noonOn('2024-07-10'), reportedPercent: 0 }, 'grey', ['closed']],
  ] as const)('%s', (_case, overrides, colour, reasons) => {
    expect(taskColour(input(overrides), YINCHUAN_COLOUR_RULES)).toMatchObject({ colour, reasons });
  });
});

describe('taskColour: status', () => {
  it.each([
    ['draft', null, ['not_issued']],
    ['cancelled', null, ['cancelled']],
    ['closed', 'grey', ['closed']],
    ['issued', 'green', ['on_track']],
    ['extension_requested', 'green', ['on_track']],
    ['returned', 'green', ['on_track']],
  ] satisfies [TaskStatus, string | null, string[]][])('%s: %s', (status, colour, reasons) => {
    expect(taskColour(input({ status }), DEFAULT_COLOUR_RULES)).toMatchObject({ colour, reasons });
  });

  it('judges an unverified completion report by the day it was made', () => {
    const awaiting = input({ status: 'completion_reported', reportedPercent: 100, now: noonOn('2024-07-20') });
    expect(taskColour({ ...awaiting, completionReportedOn: '2024-06-29' }, DEFAULT_COLOUR_RULES)).toMatchObject({
      colour: 'green',
      reasons: ['on_track'],
      daysLeft: 1,
    });
    expect(taskColour({ ...awaiting, completionReportedOn: '2024-07-03' }, DEFAULT_COLOUR_RULES)).toMatchObject({
      colour: 'red',
      reasons: ['overdue'],
      daysLeft: -3,
    });
    // Without the report's day the clock keeps running.
    expect(taskColour(awaiting, DEFAULT_COLOUR_RULES).colour).toBe('red');
  });
});
