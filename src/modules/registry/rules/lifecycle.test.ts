import { describe, expect, it } from 'vitest';
import { assertTransition, nextStatuses, type HouseholdState } from './lifecycle.ts';

/** States by a short name, so the table below can show every pair at a glance. */
const STATES = {
  none: null,
  identified: { status: 'identified' },
  registered: { status: 'registered' },
  exited: { status: 'exited' },
  'monitored:unstable_exited': { status: 'monitored', kind: 'unstable_exited' },
  'monitored:marginal': { status: 'monitored', kind: 'marginal' },
  'monitored:sudden_difficulty': { status: 'monitored', kind: 'sudden_difficulty' },
  'risk_eliminated:unstable_exited': { status: 'risk_eliminated', kind: 'unstable_exited' },
  'risk_eliminated:marginal': { status: 'risk_eliminated', kind: 'marginal' },
  'risk_eliminated:sudden_difficulty': { status: 'risk_eliminated', kind: 'sudden_difficulty' },
} as const satisfies Record<string, HouseholdState | null>;

type StateName = keyof typeof STATES;
type TargetName = Exclude<StateName, 'none'>;

const TARGETS = Object.keys(STATES).filter((name): name is TargetName => name !== 'none');

/**
 * Every pair: `ok` is legal, `same` is refused as unchanged, `kind` as a monitoring kind the household's
 * history rules out, `-` as a status that cannot follow. Columns in the order of `TARGETS`:
 * identified, registered, exited, monitored ×3 (unstable_exited, marginal, sudden_difficulty),
 * risk_eliminated ×3 (same order).
 */
type Cell = 'ok' | 'same' | 'kind' | '-';
const MATRIX: Record<StateName, Cell[]> = {
  none: ['ok', '-', '-', 'kind', 'ok', 'ok', '-', '-', '-'],
  identified: ['same', 'ok', '-', '-', '-', '-', '-', '-', '-'],
  registered: ['-', 'same', 'ok', '-', '-', '-', '-', '-', '-'],
  exited: ['-', '-', 'same', 'ok', 'kind', 'kind', '-', '-', '-'],
  'monitored:unstable_exited': ['-', '-', '-', 'same', '-', '-', 'ok', 'kind', 'kind'],
  'monitored:marginal': ['-', '-', '-', '-', 'same', '-', 'kind', 'ok', 'kind'],
  'monitored:sudden_difficulty': ['-', '-', '-', '-', '-', 'same', 'kind', 'kind', 'ok'],
  'risk_eliminated:unstable_exited': ['-', '-', '-', 'ok', 'kind', 'kind', 'same', '-', '-'],
  'risk_eliminated:marginal': ['-', '-', '-', 'kind', 'ok', 'ok', '-', 'same', '-'],
  'risk_eliminated:sudden_difficulty': ['-', '-', '-', 'kind', 'ok', 'ok', '-', '-', 'same'],
};

const REASON_OF_CELL = { same: 'unchanged', kind: 'monitoring_kind_not_allowed', '-': 'not_a_next_status' } as const;

const PAIRS = (Object.keys(MATRIX) as StateName[]).flatMap((from) =>
  TARGETS.map((to, column) => [from, to, MATRIX[from][column]!] as const),
);

describe('household lifecycle', () => {
  it('covers every pair of states', () => {
    expect(PAIRS).toHaveLength(10 * 9);
  });

  it.each(PAIRS)('%s → %s: %s', (from, to, cell) => {
    const result = assertTransition(STATES[from], STATES[to]);
    if (cell === 'ok') {
      expect(result).toEqual({ ok: true });
    } else {
      expect(result).toEqual({ ok: false, reason: REASON_OF_CELL[cell], allowed: nextStatuses(STATES[from]) });
    }
  });

  it.each<[StateName, HouseholdState[]]>([
    [
      'none',
      [
        { status: 'identified' },
        { status: 'monitored', kind: 'marginal' },
        { status: 'monitored', kind: 'sudden_difficulty' },
      ],
    ],
    ['identified', [{ status: 'registered' }]],
    ['registered', [{ status: 'exited' }]],
    ['exited', [{ status: 'monitored', kind: 'unstable_exited' }]],
    ['monitored:marginal', [{ status: 'risk_eliminated', kind: 'marginal' }]],
    ['risk_eliminated:unstable_exited', [{ status: 'monitored', kind: 'unstable_exited' }]],
    [
      'risk_eliminated:sudden_difficulty',
      [
        { status: 'monitored', kind: 'marginal' },
        { status: 'monitored', kind: 'sudden_difficulty' },
      ],
    ],
  ])('after %s may come %j', (from, expected) => {
    expect(nextStatuses(STATES[from])).toEqual(expected);
  });

  it('lists as next exactly the states the table marks legal', () => {
    for (const from of Object.keys(MATRIX) as StateName[]) {
      const legal = TARGETS.filter((_to, column) => MATRIX[from][column] === 'ok').map((to) => STATES[to]);
      expect(nextStatuses(STATES[from])).toEqual(expect.arrayContaining(legal));
      expect(nextStatuses(STATES[from])).toHaveLength(legal.length);
    }
  });
});
