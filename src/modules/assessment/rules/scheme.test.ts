import { describe, expect, it } from 'vitest';
import { HUNDRED_POINT_GRADES } from './grades.ts';
import { schemeWorth, validateScheme, type AssessmentScheme } from './scheme.ts';

const VALID: AssessmentScheme = {
  code: 'dept-2024',
  vetoEffect: 'lowest_grade',
  grades: HUNDRED_POINT_GRADES,
  categories: [
    {
      code: 'work',
      items: [
        { code: 'tasks', cadence: 'annual', kind: 'timeliness', points: 60 },
        { code: 'integrity', cadence: 'annual', kind: 'veto' },
      ],
    },
    { code: 'conduct', items: [{ code: 'survey', cadence: 'annual', kind: 'entered', points: 40 }] },
  ],
};

describe('validateScheme', () => {
  it('accepts a sound scheme, whose veto item is worth nothing', () => {
    expect(validateScheme(VALID)).toEqual([]);
    expect(schemeWorth(VALID)).toBe(100);
  });

  it('lists every problem with the item or figure it concerns', () => {
    const broken: AssessmentScheme = {
      ...VALID,
      quarterWeights: [15, 25, 25, 30],
      grades: {
        bands: [
          { grade: 'excellent', atLeast: 90 },
          { grade: 'good', atLeast: 95 },
        ],
        lowest: 'fail',
      },
      categories: [
        {
          code: 'work',
          items: [
            {
              code: 'gdp',
              cadence: 'quarterly',
              kind: 'attainment',
              points: 0,
              direction: 'higher_is_better',
              cap: 0.8,
            },
            { code: 'gdp', cadence: 'annual', kind: 'bonus', points: 5 },
          ],
        },
        {
          code: 'work',
          items: [
            {
              code: 'record',
              cadence: 'annual',
              kind: 'deduction',
              points: 10,
              pointsPerEvent: { red: 2, yellow: -1 },
            },
          ],
        },
      ],
    };
    expect(validateScheme(broken)).toEqual([
      { code: 'quarter_weights_invalid', weights: [15, 25, 25, 30] },
      { code: 'duplicate_category_code', categoryCode: 'work' },
      { code: 'duplicate_item_code', itemCode: 'gdp' },
      { code: 'points_not_positive', itemCode: 'gdp', points: 0 },
      { code: 'cap_below_one', itemCode: 'gdp', cap: 0.8 },
      { code: 'event_points_not_positive', itemCode: 'record', eventKind: 'yellow', points: -1 },
      { code: 'grade_bands_not_descending', grade: 'good' },
    ]);
  });

  it('needs quarter weights for a quarterly item, and refuses negative ones', () => {
    const quarterly: AssessmentScheme = {
      ...VALID,
      categories: [{ code: 'work', items: [{ code: 'tasks', cadence: 'quarterly', kind: 'timeliness', points: 100 }] }],
    };
    expect(validateScheme(quarterly)).toEqual([{ code: 'quarter_weights_missing', itemCode: 'tasks' }]);
    expect(validateScheme({ ...quarterly, quarterWeights: [-10, 40, 35, 35] })).toEqual([
      { code: 'quarter_weights_invalid', weights: [-10, 40, 35, 35] },
    ]);
  });
});
