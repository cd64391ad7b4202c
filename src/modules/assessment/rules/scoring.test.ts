import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemResult } from './item-scores.ts';
import { toCents } from './points.ts';
import { rankUnits } from './ranking.ts';
import type { TaskOutcomeRecord, UnitRecords } from './records.ts';
import { schemeWorth, type AssessmentScheme } from './scheme.ts';
import { scoreUnit, type UnitInput, type UnitResult } from './scoring.ts';

/**
 * A county scheme of the same shape as the one in domain.md (7 categories, 180 points), with fewer items.
 * Economy and key projects are assessed each quarter and weighted 15/25/25/35 into the year; the rest once
 * a year. Social evaluation is worth 36 of the 180 points: a 20% share.
 */
const COUNTY_SCHEME: AssessmentScheme = {
  code: 'county-2024',
  vetoEffect: 'zero_total',
  quarterWeights: [15, 25, 25, 35],
  // 90%, 80% and 60% of 180.
  grades: {
    bands: [
      { grade: 'excellent', atLeast: 162 },
      { grade: 'good', atLeast: 144 },
      { grade: 'pass', atLeast: 108 },
    ],
    lowest: 'fail',
  },
  categories: [
    {
      code: 'economy',
      items: [
        {
          code: 'gdp_growth',
          cadence: 'quarterly',
          kind: 'attainment',
          points: 20,
          direction: 'higher_is_better',
          cap: 1.2,
        },
        {
          code: 'fixed_investment',
          cadence: 'quarterly',
          kind: 'attainment',
          points: 20,
          direction: 'higher_is_better',
          cap: 1,
        },
      ],
    },
    { code: 'key_projects', items: [{ code: 'project_tasks', cadence: 'quarterly', kind: 'timeliness', points: 30 }] },
    {
      code: 'livelihood',
      items: [
        { code: 'new_jobs', cadence: 'annual', kind: 'attainment', points: 15, direction: 'higher_is_better', cap: 1 },
        {
          code: 'unemployment_rate',
          cadence: 'annual',
          kind: 'attainment',
          points: 10,
          direction: 'lower_is_better',
          cap: 1,
        },
        { code: 'production_safety', cadence: 'annual', kind: 'veto' },
      ],
    },
    {
      code: 'ecology',
      items: [
        { code: 'pm25', cadence: 'annual', kind: 'attainment', points: 12, direction: 'lower_is_better', cap: 1.2 },
        {
          code: 'good_air_days',
          cadence: 'annual',
          kind: 'attainment',
          points: 8,
          direction: 'higher_is_better',
          cap: 1,
        },
      ],
    },
    {
      code: 'supervision',
      items: [
        {
          code: 'supervision_record',
          cadence: 'annual',
          kind: 'deduction',
          points: 20,
          pointsPerEvent: { yellow_warning: 1, red_warning: 2 },
        },
      ],
    },
    { code: 'innovation', items: [{ code: 'innovation_bonus', cadence: 'annual', kind: 'bonus', points: 9 }] },
    { code: 'social_evaluation', items: [{ code: 'satisfaction', cadence: 'annual', kind: 'entered', points: 36 }] },
  ],
};

const value = (id: string, itemCode: string, actual: number | null, target: number) => ({
  id,
  itemCode,
  actual,
  target,
});
const projectTask = (id: string, deadline: string, closedOn: string | null): TaskOutcomeRecord => ({
  id,
  itemCode: 'project_tasks',
  deadline,
  closedOn,
});

function quarter(gdp: number, investment: number, tasks: TaskOutcomeRecord[]): UnitRecords {
  const q = tasks[0]?.deadline.slice(0, 7) ?? 'none';
  return {
    indicatorValues: [value(`gdp-${q}`, 'gdp_growth', gdp, 6), value(`inv-${q}`, 'fixed_investment', investment, 100)],
    tasks,
  };
}

/** Xinfu district's year, worked through below. */
const XINFU: UnitInput = {
  unitId: '140902',
  quarterRecords: [
    // GDP 6.3 of 6 → 1.05 → 21; investment 90% → 18; both tasks on time → 30.
    quarter(6.3, 90, [projectTask('t1', '2024-03-31', '2024-03-20'), projectTask('t2', '2024-03-31', '2024-03-31')]),
    // 5.4 of 6 → 0.9 → 18; on target → 20; one of three on time → 10.
    quarter(5.4, 100, [
      projectTask('t3', '2024-06-30', '2024-06-01'),
      projectTask('t4', '2024-06-30', '2024-07-02'),
      projectTask('t5', '2024-06-30', null),
    ]),
    // 7.8 of 6 → 1.3, capped at 1.2 → 24; 110% capped at 1.0 → 20; three of four on time → 22.5.
    quarter(7.8, 110, [
      projectTask('t6', '2024-09-30', '2024-09-01'),
      projectTask('t7', '2024-09-30', '2024-09-02'),
      projectTask('t8', '2024-09-30', '2024-09-03'),
      projectTask('t9', '2024-09-30', '2024-10-09'),
    ]),
    // On target → 20; 95% → 19; no task fell due → 30.
    { indicatorValues: [value('gdp-q4', 'gdp_growth', 6, 6), value('inv-q4', 'fixed_investment', 95, 100)] },
  ],
  records: {
    indicatorValues: [
      value('jobs', 'new_jobs', 4800, 5000),
      value('unemployment', 'unemployment_rate', 3.6, 4.5),
      value('pm25', 'pm25', 40, 42),
      value('air', 'good_air_days', 280, 300),
    ],
    supervisionEvents: [
      { id: 'e1', itemCode: 'supervision_record', kind: 'yellow_warning', on: '2024-03-10' },
      { id: 'e2', itemCode: 'supervision_record', kind: 'red_warning', on: '2024-05-20' },
      { id: 'e3', itemCode: 'supervision_record', kind: 'yellow_warning', on: '2024-08-01' },
    ],
    // e2 came of a flood that stopped work on site: the exemption (容错免责) lifts it entirely.
    exemptions: [{ id: 'x1', deductionSourceId: 'e2', reducePoints: null }],
    bonusClaims: [
      { id: 'b1', itemCode: 'innovation_bonus', points: 5 },
      { id: 'b2', itemCode: 'innovation_bonus', points: 6 },
    ],
    enteredScores: [{ id: 'survey-2024', itemCode: 'satisfaction', score: 80 }],
  },
};

const categoryPoints = (result: UnitResult) => Object.fromEntries(result.categories.map((c) => [c.code, c.points]));
const itemNamed = (result: UnitResult, code: string): ItemResult => {
  const found = result.categories.flatMap((c) => c.items).find((item) => item.code === code);
  if (!found) throw new Error(`no item ${code}`);
  return found;
};

describe('scoreUnit: the county scheme worked through', () => {
  it('has 7 categories worth 180 points, social evaluation a 20% share of them', () => {
    expect(COUNTY_SCHEME.categories).toHaveLength(7);
    expect(schemeWorth(COUNTY_SCHEME)).toBe(180);
    expect(36 / schemeWorth(COUNTY_SCHEME)).toBe(0.2);
  });

  const result = scoreUnit(COUNTY_SCHEME, XINFU);

  it('scores every category', () => {
    expect(categoryPoints(result)).toEqual({
      // GDP 21×15% + 18×25% + 24×25% + 20×35% = 3.15 + 4.5 + 6 + 7 = 20.65;
      // investment 18×15% + 20×25% + 20×25% + 19×35% = 2.7 + 5 + 5 + 6.65 = 19.35.
      economy: 40,
      // 30×15% + 10×25% + 22.5×25% + 30×35% = 4.5 + 2.5 + 5.63 (5.625 rounded) + 10.5.
      key_projects: 23.13,
      // Jobs 96% → 14.4; unemployment 3.6 under the 4.5 ceiling → 1.25, capped at 1 → 10.
      livelihood: 24.4,
      // PM2.5 42/40 = 1.05 → 12.6; good-air days 280/300 → 7.47.
      ecology: 20.07,
      // 20 − 1 (e1) − 0 (e2, exempted) − 1 (e3).
      supervision: 18,
      // Claims of 5 and 6, capped at 9.
      innovation: 9,
      // 80% satisfaction × 36.
      social_evaluation: 28.8,
    });
    expect(result).toMatchObject({
      unitId: '140902',
      schemeCode: 'county-2024',
      worth: 180,
      total: 163.4,
      totalBeforeVeto: 163.4,
      vetoed: false,
      vetoedBy: [],
      grade: 'excellent',
      missingInput: false,
    });
  });

  it('breaks a quarterly item down by quarter, and each quarter down to its records', () => {
    const tasks = itemNamed(result, 'project_tasks');
    expect(
      tasks.quarters.map(({ quarter, weightPercent, weightedPoints, item }) => [
        quarter,
        weightPercent,
        item.points,
        weightedPoints,
      ]),
    ).toEqual([
      [1, 15, 30, 4.5],
      [2, 25, 10, 2.5],
      [3, 25, 22.5, 5.63],
      [4, 35, 30, 10.5],
    ]);
    expect(tasks.quarters[1]?.item.contributions).toEqual([
      { source: 'task', sourceId: 't3', points: 10, outcome: 'closed_on_time' },
      { source: 'task', sourceId: 't4', points: 0, outcome: 'closed_late' },
      { source: 'task', sourceId: 't5', points: 0, outcome: 'not_closed' },
    ]);
  });

  it('shows the original deduction, the exemption and the net', () => {
    expect(itemNamed(result, 'supervision_record').contributions).toEqual([
      expect.objectContaining({ sourceId: 'e1', originalPoints: 1, exemptedPoints: 0, netPoints: 1, points: -1 }),
      expect.objectContaining({
        sourceId: 'e2',
        originalPoints: 2,
        exemptedPoints: 2,
        exemptionIds: ['x1'],
        netPoints: 0,
        points: 0,
      }),
      expect.objectContaining({ sourceId: 'e3', originalPoints: 1, exemptedPoints: 0, netPoints: 1, points: -1 }),
    ]);
  });

  it('recomputes when the exemption is withdrawn: the deduction returns and the grade drops', () => {
    const withoutExemption = scoreUnit(COUNTY_SCHEME, { ...XINFU, records: { ...XINFU.records, exemptions: [] } });
    expect(categoryPoints(withoutExemption).supervision).toBe(16);
    expect(withoutExemption).toMatchObject({ total: 161.4, grade: 'good' });
  });

  it('a partial exemption reduces the deduction by its points', () => {
    const halved = scoreUnit(COUNTY_SCHEME, {
      ...XINFU,
      records: { ...XINFU.records, exemptions: [{ id: 'x1', deductionSourceId: 'e2', reducePoints: 1 }] },
    });
    expect(itemNamed(halved, 'supervision_record').contributions[1]).toMatchObject({
      exemptedPoints: 1,
      netPoints: 1,
      points: -1,
    });
    expect(halved.total).toBe(162.4);
  });

  it('accounts for every point: item = base + records + weighted quarters; category = items; total = categories', () => {
    const explained = (item: ItemResult): number =>
      toCents(item.basePoints) +
      item.contributions.reduce((sum, line) => sum + toCents(line.points), 0) +
      item.quarters.reduce((sum, quarter) => sum + toCents(quarter.weightedPoints), 0);
    for (const category of result.categories) {
      for (const item of category.items) {
        expect(toCents(item.points)).toBe(explained(item));
        for (const { item: quarterItem } of item.quarters)
          expect(toCents(quarterItem.points)).toBe(explained(quarterItem));
      }
      expect(toCents(category.points)).toBe(category.items.reduce((sum, item) => sum + toCents(item.points), 0));
    }
    expect(toCents(result.total)).toBe(result.categories.reduce((sum, c) => sum + toCents(c.points), 0));
  });

  it('gives the same result whatever order the records arrive in', () => {
    const shuffled = (records: UnitRecords) =>
      fc.record({
        indicatorValues: fc.shuffledSubarray([...(records.indicatorValues ?? [])], {
          minLength: records.indicatorValues?.length ?? 0,
        }),
        tasks: fc.shuffledSubarray([...(records.tasks ?? [])], { minLength: records.tasks?.length ?? 0 }),
        supervisionEvents: fc.shuffledSubarray([...(records.supervisionEvents ?? [])], {
          minLength: records.supervisionEvents?.length ?? 0,
        }),
        bonusClaims: fc.shuffledSubarray([...(records.bonusClaims ?? [])], {
          minLength: records.bonusClaims?.length ?? 0,
        }),
      });
    const [q1, q2, q3, q4] = XINFU.quarterRecords ?? [];
    fc.assert(
      fc.property(shuffled(XINFU.records), shuffled(q3 ?? {}), (annual, third) => {
        const reordered: UnitInput = {
          unitId: XINFU.unitId,
          records: { ...XINFU.records, ...annual },
          quarterRecords: [q1 ?? {}, q2 ?? {}, { ...q3, ...third }, q4 ?? {}],
        };
        expect(scoreUnit(COUNTY_SCHEME, reordered)).toEqual(result);
      }),
      { numRuns: 50 },
    );
  });
});

describe('scoreUnit: one-vote veto (一票否决)', () => {
  const accident = { vetoEvents: [{ id: 'accident-0815', itemCode: 'production_safety', on: '2024-08-15' }] };
  const vetoed: UnitInput = { ...XINFU, unitId: '140921', records: { ...XINFU.records, ...accident } };

  it('zeroes the total where the scheme says so, keeping the score it replaced in view', () => {
    expect(scoreUnit(COUNTY_SCHEME, vetoed)).toMatchObject({
      total: 0,
      totalBeforeVeto: 163.4,
      vetoed: true,
      vetoedBy: ['accident-0815'],
      grade: 'fail',
    });
  });

  it('keeps the total but grades lowest where the scheme says so, and ranks below every unit not vetoed', () => {
    const lowestGrade: AssessmentScheme = { ...COUNTY_SCHEME, vetoEffect: 'lowest_grade' };
    const vetoedResult = scoreUnit(lowestGrade, vetoed);
    expect(vetoedResult).toMatchObject({ total: 163.4, vetoed: true, grade: 'fail' });
    const weaker = scoreUnit(lowestGrade, {
      ...XINFU,
      unitId: '140922',
      records: { ...XINFU.records, enteredScores: [] },
    });
    expect(weaker).toMatchObject({ total: 134.6, grade: 'pass', missingInput: true });
    expect(rankUnits([vetoedResult, weaker]).map(({ unitId, rank }) => [unitId, rank])).toEqual([
      ['140922', 1],
      ['140921', 2],
    ]);
  });
});

describe('scoreUnit: quarterly weights 15/25/25/35', () => {
  const scheme: AssessmentScheme = {
    code: 'process',
    vetoEffect: 'zero_total',
    quarterWeights: [15, 25, 25, 35],
    grades: { bands: [], lowest: 'pass' },
    categories: [{ code: 'work', items: [{ code: 'work', cadence: 'quarterly', kind: 'entered', points: 100 }] }],
  };
  const entered = (id: string, score: number): UnitRecords => ({ enteredScores: [{ id, itemCode: 'work', score }] });
  const scores = ([q1, q2, q3, q4]: [number, number, number, number]): UnitInput => ({
    unitId: 'u',
    records: {},
    quarterRecords: [entered('q1', q1), entered('q2', q2), entered('q3', q3), entered('q4', q4)],
  });

  it.each([
    [[80, 80, 80, 80], 80],
    // 15×0.6 + 25×0.7 + 25×0.8 + 35×0.9 = 9 + 17.5 + 20 + 31.5.
    [[60, 70, 80, 90], 78],
    // The late quarters weigh most: the same four scores in the other order give less.
    [[90, 80, 70, 60], 72],
    [[100, 0, 0, 0], 15],
  ] as [[number, number, number, number], number][])('quarters scoring %j make a year of %d', (values, total) => {
    expect(scoreUnit(scheme, scores(values)).total).toBe(total);
  });

  it('needs the records of each quarter', () => {
    expect(() => scoreUnit(scheme, { unitId: 'u', records: {} })).toThrow(/records of each quarter/);
  });

  it('refuses to score under an invalid scheme', () => {
    expect(() => scoreUnit({ ...scheme, quarterWeights: [10, 20, 30, 30] }, scores([1, 2, 3, 4]))).toThrow(
      /quarter_weights_invalid/,
    );
  });
});
