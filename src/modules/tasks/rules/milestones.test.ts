import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedPercent, validateMilestones, type Milestone } from './milestones.ts';

describe('plannedPercent without milestones', () => {
  // 2024-01-01 to 2024-04-10 is 100 days, so each day is one percentage point.
  it.each([
    ['2023-12-31', 0],
    ['2024-01-01', 0],
    ['2024-01-02', 1],
    ['2024-02-20', 50],
    ['2024-04-09', 99],
    ['2024-04-10', 100],
    ['2024-06-01', 100],
  ])('on %s: %d%%', (on, percent) => {
    expect(plannedPercent([], '2024-01-01', '2024-04-10', on)).toBe(percent);
  });

  it('is 100 from the start day when the task starts and ends on the same day', () => {
    expect(plannedPercent([], '2024-03-01', '2024-03-01', '2024-02-29')).toBe(0);
    expect(plannedPercent([], '2024-03-01', '2024-03-01', '2024-03-01')).toBe(100);
  });
});

describe('plannedPercent with milestones', () => {
  // A road: design (weight 1) by 01-31, land (weight 1) by 03-31, construction (weight 2) by 06-30,
  // with a deadline of 12-31 leaving time for acceptance. Normalised: 25% by 01-31, 50% by 03-31, 100% by 06-30.
  const road: Milestone[] = [
    { dueOn: '2024-01-31', weight: 1 },
    { dueOn: '2024-03-31', weight: 1 },
    { dueOn: '2024-06-30', weight: 2 },
  ];

  it.each([
    ['2023-12-31', 0],
    ['2024-01-01', 0],
    // 15 of the 30 days from 01-01 to 01-31 → half of 25.
    ['2024-01-16', 12.5],
    ['2024-01-31', 25],
    // 30 of the 60 days from 01-31 to 03-31 → 25 + half of 25.
    ['2024-03-01', 37.5],
    ['2024-03-31', 50],
    // 1 of the 91 days from 03-31 to 06-30 → 50 + 50/91.
    ['2024-04-01', 50.55],
    ['2024-06-30', 100],
    // Normalised to 100 at the last milestone, not at the deadline.
    ['2024-09-30', 100],
    ['2024-12-31', 100],
  ])('on %s: %d%%', (on, percent) => {
    expect(plannedPercent(road, '2024-01-01', '2024-12-31', on)).toBe(percent);
  });

  it('counts milestones due the same day together', () => {
    const sameDay = [
      { dueOn: '2024-01-11', weight: 1 },
      { dueOn: '2024-01-11', weight: 1 },
      { dueOn: '2024-01-21', weight: 2 },
    ];
    expect(plannedPercent(sameDay, '2024-01-01', '2024-01-31', '2024-01-06')).toBe(25);
    expect(plannedPercent(sameDay, '2024-01-01', '2024-01-31', '2024-01-11')).toBe(50);
  });

  it('counts a milestone due on the start day from that day', () => {
    const upFront = [
      { dueOn: '2024-01-01', weight: 1 },
      { dueOn: '2024-01-11', weight: 3 },
    ];
    expect(plannedPercent(upFront, '2024-01-01', '2024-01-31', '2024-01-01')).toBe(25);
    expect(plannedPercent(upFront, '2024-01-01', '2024-01-31', '2024-01-06')).toBe(62.5);
  });

  it('refuses to compute a plan from invalid milestones', () => {
    expect(() =>
      plannedPercent([{ dueOn: '2025-01-01', weight: 1 }], '2024-01-01', '2024-12-31', '2024-06-01'),
    ).toThrow(/due_after_deadline/);
  });

  it('never falls as time passes and stays within 0..100', () => {
    const milestone = fc.record({ day: fc.integer({ min: 0, max: 365 }), weight: fc.integer({ min: 1, max: 10 }) });
    const date = (day: number) => new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.array(milestone, { maxLength: 6 }), fc.integer({ min: -10, max: 380 }), (drawn, day) => {
        const milestones = drawn.sort((a, b) => a.day - b.day).map((m) => ({ dueOn: date(m.day), weight: m.weight }));
        const today = plannedPercent(milestones, '2024-01-01', '2024-12-31', date(day));
        const tomorrow = plannedPercent(milestones, '2024-01-01', '2024-12-31', date(day + 1));
        expect(today).toBeGreaterThanOrEqual(0);
        expect(tomorrow).toBeLessThanOrEqual(100);
        expect(tomorrow).toBeGreaterThanOrEqual(today);
      }),
    );
  });
});

describe('validateMilestones', () => {
  it('accepts sorted, positive, in-range milestones (equal dates are sorted)', () => {
    const milestones = [
      { dueOn: '2024-01-01', weight: 1 },
      { dueOn: '2024-05-01', weight: 0.5 },
      { dueOn: '2024-05-01', weight: 2 },
      { dueOn: '2024-12-31', weight: 1 },
    ];
    expect(validateMilestones(milestones, '2024-01-01', '2024-12-31')).toEqual([]);
  });

  it('lists every problem with the milestone and figures it concerns', () => {
    const milestones = [
      { dueOn: '2023-12-31', weight: 1 },
      { dueOn: '2024-06-01', weight: 0 },
      { dueOn: '2024-05-01', weight: -2 },
      { dueOn: '2024-02-30', weight: Number.NaN },
      { dueOn: '2025-01-01', weight: 1 },
    ];
    expect(validateMilestones(milestones, '2024-01-01', '2024-12-31')).toEqual([
      { code: 'due_before_start', index: 0, dueOn: '2023-12-31', start: '2024-01-01' },
      { code: 'weight_not_positive', index: 1, weight: 0 },
      { code: 'weight_not_positive', index: 2, weight: -2 },
      { code: 'out_of_order', index: 2, dueOn: '2024-05-01', previousDueOn: '2024-06-01' },
      { code: 'weight_not_positive', index: 3, weight: Number.NaN },
      { code: 'invalid_date', field: 'dueOn', index: 3, value: '2024-02-30' },
      { code: 'due_after_deadline', index: 4, dueOn: '2025-01-01', deadline: '2024-12-31' },
    ]);
  });

  it.each([
    ['2024-12-31', '2024-01-01', [{ code: 'start_after_deadline', start: '2024-12-31', deadline: '2024-01-01' }]],
    ['2024-1-1', '2024-12-31', [{ code: 'invalid_date', field: 'start', value: '2024-1-1' }]],
    ['2024-01-01', 'soon', [{ code: 'invalid_date', field: 'deadline', value: 'soon' }]],
  ])('checks the task span %s..%s', (start, deadline, problems) => {
    expect(validateMilestones([], start, deadline)).toEqual(problems);
  });
});
