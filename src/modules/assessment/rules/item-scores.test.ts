import { describe, expect, it } from 'vitest';
import { scoreItem } from './item-scores.ts';
import type { SupervisionEventRecord, TaskOutcomeRecord } from './records.ts';
import type { SchemeItem } from './scheme.ts';

const task = (id: string, deadline: string, closedOn: string | null): TaskOutcomeRecord => ({
  id,
  itemCode: 'tasks',
  deadline,
  closedOn,
});

describe('timeliness', () => {
  const item: SchemeItem = { code: 'tasks', cadence: 'annual', kind: 'timeliness', points: 10 };

  it('gives each task closed by its deadline an equal share; the shares add up to the item exactly', () => {
    const result = scoreItem(item, {
      tasks: [
        task('t3', '2024-06-30', null),
        task('t1', '2024-06-30', '2024-06-30'),
        task('t2', '2024-06-30', '2024-07-01'),
        task('t4', '2024-03-31', '2024-03-01'),
        task('t0', '2024-03-31', '2024-02-01'),
      ],
    });
    // 3 of 5 on time: 6 points over three tasks.
    expect(result).toMatchObject({ points: 6, basePoints: 0, missingInput: false });
    expect(result.contributions).toEqual([
      { source: 'task', sourceId: 't0', points: 2, outcome: 'closed_on_time' },
      { source: 'task', sourceId: 't1', points: 2, outcome: 'closed_on_time' },
      { source: 'task', sourceId: 't2', points: 0, outcome: 'closed_late' },
      { source: 'task', sourceId: 't3', points: 0, outcome: 'not_closed' },
      { source: 'task', sourceId: 't4', points: 2, outcome: 'closed_on_time' },
    ]);
  });

  it('hands out the hundredths left over from an uneven split to the first tasks', () => {
    const result = scoreItem(item, {
      tasks: [
        task('a', '2024-06-30', '2024-06-01'),
        task('b', '2024-06-30', '2024-06-01'),
        task('c', '2024-06-30', '2024-06-01'),
      ],
    });
    expect(result.points).toBe(10);
    expect(result.contributions.map((line) => line.points)).toEqual([3.34, 3.33, 3.33]);
  });

  it('gives full points to a unit with no task due: it had nothing to be late with', () => {
    expect(scoreItem(item, {})).toMatchObject({ points: 10, basePoints: 10, contributions: [] });
  });

  it('ignores records of other items', () => {
    expect(scoreItem(item, { tasks: [{ ...task('x', '2024-06-30', null), itemCode: 'other' }] }).points).toBe(10);
  });
});

describe('attainment', () => {
  const attainment = (direction: 'higher_is_better' | 'lower_is_better', cap: number): SchemeItem => ({
    code: 'gdp',
    cadence: 'annual',
    kind: 'attainment',
    points: 20,
    direction,
    cap,
  });
  const higher = (cap: number) => attainment('higher_is_better', cap);
  const lower = (cap: number) => attainment('lower_is_better', cap);
  const value = (actual: number | null, target: number) => ({
    indicatorValues: [{ id: 'v1', itemCode: 'gdp', actual, target }],
  });

  it.each([
    ['higher, 90% of target', higher(1), 5.4, 6, 0.9, 18],
    ['higher, on target', higher(1), 6, 6, 1, 20],
    ['higher, 130% capped at 1.0', higher(1), 7.8, 6, 1, 20],
    ['higher, 130% capped at 1.2', higher(1.2), 7.8, 6, 1.2, 24],
    ['higher, 110% under a cap of 1.2', higher(1.2), 6.6, 6, 1.1, 22],
    ['higher, negative growth counts as nothing', higher(1.2), -2, 6, 0, 0],
    ['lower, twice the target level', lower(1), 9, 4.5, 0.5, 10],
    ['lower, below the target level, capped at 1.0', lower(1), 3.6, 4.5, 1, 20],
    ['lower, below the target level, under a cap of 1.2', lower(1.2), 40, 42, 1.05, 21],
    ['lower, a level of zero earns the cap', lower(1.2), 0, 3, 1.2, 24],
  ])('%s', (_case, item, actual, target, ratio, points) => {
    const result = scoreItem(item, value(actual, target));
    expect(result.points).toBe(points);
    expect(result.contributions).toEqual([
      { source: 'indicator_value', sourceId: 'v1', points, actual, target, ratio: expect.closeTo(ratio, 10) },
    ]);
  });

  it('scores a missing value as 0 and says it is missing', () => {
    expect(scoreItem(higher(1), value(null, 6))).toMatchObject({ points: 0, missingInput: true });
    expect(scoreItem(higher(1), {})).toMatchObject({ points: 0, missingInput: true, contributions: [] });
  });

  it('refuses a target a ratio cannot be taken against, and two values for one item', () => {
    expect(() => scoreItem(higher(1), value(3, 0))).toThrow(/positive target/);
    const twice = {
      indicatorValues: [...value(5, 6).indicatorValues, { id: 'v2', itemCode: 'gdp', actual: 6, target: 6 }],
    };
    expect(() => scoreItem(higher(1), twice)).toThrow(/one record per period/);
  });
});

describe('deduction', () => {
  const item: SchemeItem = {
    code: 'supervision',
    cadence: 'annual',
    kind: 'deduction',
    points: 5,
    pointsPerEvent: { yellow_warning: 1, red_warning: 2 },
  };
  const event = (id: string, kind: string, on: string): SupervisionEventRecord => ({
    id,
    itemCode: 'supervision',
    kind,
    on,
  });

  it('starts full and takes each event’s points off', () => {
    const result = scoreItem(item, {
      supervisionEvents: [event('e2', 'red_warning', '2024-05-01'), event('e1', 'yellow_warning', '2024-03-01')],
    });
    expect(result).toMatchObject({ points: 2, basePoints: 5 });
    expect(result.contributions.map((line) => [line.sourceId, line.points])).toEqual([
      ['e1', -1],
      ['e2', -2],
    ]);
  });

  it('stops at zero: once the item is spent, later events cost nothing (扣完为止)', () => {
    const events = [
      event('e1', 'red_warning', '2024-02-01'),
      event('e2', 'red_warning', '2024-03-01'),
      event('e3', 'red_warning', '2024-04-01'),
      event('e4', 'yellow_warning', '2024-05-01'),
    ];
    const result = scoreItem(item, { supervisionEvents: events });
    expect(result.points).toBe(0);
    expect(result.contributions.map((line) => line.points)).toEqual([-2, -2, -1, 0]);
    expect(result.contributions[2]).toMatchObject({ originalPoints: 2, netPoints: 2, points: -1 });
  });

  it.each([
    ['lifted entirely', [{ id: 'x1', deductionSourceId: 'e2', reducePoints: null }], 2, 0, ['x1'], 5],
    ['reduced by half a point', [{ id: 'x1', deductionSourceId: 'e2', reducePoints: 0.5 }], 0.5, 1.5, ['x1'], 3.5],
    [
      'reduced twice, never below zero',
      [
        { id: 'x2', deductionSourceId: 'e2', reducePoints: 1.5 },
        { id: 'x1', deductionSourceId: 'e2', reducePoints: 1 },
      ],
      2,
      0,
      ['x1', 'x2'],
      5,
    ],
    ['for another event only', [{ id: 'x1', deductionSourceId: 'e9', reducePoints: null }], 0, 2, [], 3],
  ])('an exemption (容错免责) %s shows original, exempted and net', (_case, exemptions, exempted, net, ids, points) => {
    const result = scoreItem(item, { supervisionEvents: [event('e2', 'red_warning', '2024-05-01')], exemptions });
    expect(result.points).toBe(points);
    expect(result.contributions).toEqual([
      {
        source: 'supervision_event',
        sourceId: 'e2',
        points: net === 0 ? 0 : -net,
        eventKind: 'red_warning',
        on: '2024-05-01',
        originalPoints: 2,
        exemptedPoints: exempted,
        exemptionIds: ids,
        netPoints: net,
      },
    ]);
  });

  it('refuses an event kind the item sets no points for', () => {
    expect(() => scoreItem(item, { supervisionEvents: [event('e1', 'blue_warning', '2024-05-01')] })).toThrow(
      /blue_warning/,
    );
  });
});

describe('bonus', () => {
  const item: SchemeItem = { code: 'innovation', cadence: 'annual', kind: 'bonus', points: 9 };

  it('adds approved claims up to the item’s points, trimming the claims that go past it', () => {
    const claims = [
      { id: 'b3', itemCode: 'innovation', points: 2 },
      { id: 'b1', itemCode: 'innovation', points: 5 },
      { id: 'b2', itemCode: 'innovation', points: 3 },
    ];
    const result = scoreItem(item, { bonusClaims: claims });
    expect(result.points).toBe(9);
    expect(result.contributions).toEqual([
      { source: 'bonus_claim', sourceId: 'b1', points: 5, claimedPoints: 5 },
      { source: 'bonus_claim', sourceId: 'b2', points: 3, claimedPoints: 3 },
      { source: 'bonus_claim', sourceId: 'b3', points: 1, claimedPoints: 2 },
    ]);
  });
});

describe('entered', () => {
  const item: SchemeItem = { code: 'social', cadence: 'annual', kind: 'entered', points: 36 };

  it.each([
    [85, 85, 30.6],
    [100, 100, 36],
    [120, 100, 36],
    [-5, 0, 0],
  ])('a score of %d (read as %d) earns %d of 36', (entered, score, points) => {
    const result = scoreItem(item, { enteredScores: [{ id: 's1', itemCode: 'social', score: entered }] });
    expect(result.contributions).toEqual([{ source: 'entered_score', sourceId: 's1', points, score }]);
    expect(result.points).toBe(points);
  });

  it('says when the score has not been entered', () => {
    expect(scoreItem(item, {})).toMatchObject({ points: 0, missingInput: true });
  });
});

describe('veto', () => {
  it('is worth nothing and lists its events', () => {
    const item: SchemeItem = { code: 'safety', cadence: 'annual', kind: 'veto' };
    const result = scoreItem(item, { vetoEvents: [{ id: 'v1', itemCode: 'safety', on: '2024-08-08' }] });
    expect(result).toMatchObject({ worth: 0, points: 0 });
    expect(result.contributions).toEqual([{ source: 'veto_event', sourceId: 'v1', points: 0, on: '2024-08-08' }]);
  });
});
