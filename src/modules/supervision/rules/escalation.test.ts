import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TaskColour } from './colour.ts';
import { escalationFor, GUANGYUAN_ESCALATION, type ColourSnapshot } from './escalation.ts';

const history = (...entries: [string, TaskColour][]): ColourSnapshot[] =>
  entries.map(([on, colour]) => ({ on, colour }));

describe('escalationFor under Guangyuan rules', () => {
  it('asks nothing of a single yellow warning, however long it lasts', () => {
    const snapshots = history(
      ['2024-03-01', 'green'],
      ['2024-03-02', 'yellow'],
      ['2024-03-03', 'yellow'],
      ['2024-03-04', 'yellow'],
    );
    expect(escalationFor(snapshots, GUANGYUAN_ESCALATION)).toEqual([]);
  });

  it('issues a supervision letter and −1 point at the second yellow warning', () => {
    const snapshots = history(
      ['2024-03-01', 'yellow'],
      ['2024-03-08', 'green'],
      ['2024-03-15', 'yellow'],
      ['2024-03-22', 'yellow'],
    );
    expect(escalationFor(snapshots, GUANGYUAN_ESCALATION)).toEqual([
      {
        notice: 'supervision_letter',
        deductionPoints: 1,
        dueOn: '2024-03-15',
        warningDates: ['2024-03-01', '2024-03-15'],
      },
    ]);
  });

  it('starts counting afresh after a letter: the fourth yellow warning brings the second letter', () => {
    const snapshots = history(
      ['2024-01-05', 'yellow'],
      ['2024-01-10', 'blue'],
      ['2024-02-05', 'yellow'],
      ['2024-02-10', 'green'],
      ['2024-03-05', 'yellow'],
      ['2024-03-10', 'green'],
      ['2024-04-05', 'yellow'],
    );
    expect(escalationFor(snapshots, GUANGYUAN_ESCALATION).map((e) => [e.notice, e.dueOn])).toEqual([
      ['supervision_letter', '2024-02-05'],
      ['supervision_letter', '2024-04-05'],
    ]);
  });

  it('calls for a formal interview and −2 points at each red warning', () => {
    const snapshots = history(
      ['2024-05-01', 'yellow'],
      ['2024-05-10', 'red'],
      ['2024-05-11', 'red'],
      ['2024-05-20', 'yellow'],
      ['2024-06-01', 'red'],
      ['2024-06-05', 'grey'],
    );
    expect(escalationFor(snapshots, GUANGYUAN_ESCALATION)).toEqual([
      { notice: 'formal_interview', deductionPoints: 2, dueOn: '2024-05-10', warningDates: ['2024-05-10'] },
      // Red in between does not reset the yellow count: 05-01 and 05-20 are two yellow warnings.
      {
        notice: 'supervision_letter',
        deductionPoints: 1,
        dueOn: '2024-05-20',
        warningDates: ['2024-05-01', '2024-05-20'],
      },
      { notice: 'formal_interview', deductionPoints: 2, dueOn: '2024-06-01', warningDates: ['2024-06-01'] },
    ]);
  });

  it('reads two snapshots of one day milder first, so the day ends on the more severe colour', () => {
    // Read red-then-yellow, 05-01 would end yellow and the red of 05-02 would be a second red warning.
    const snapshots = history(['2024-05-02', 'red'], ['2024-05-01', 'red'], ['2024-05-01', 'yellow']);
    expect(escalationFor(snapshots, GUANGYUAN_ESCALATION).map((e) => [e.notice, e.dueOn])).toEqual([
      ['formal_interview', '2024-05-01'],
    ]);
  });

  it('answers the same whatever order the history arrives in', () => {
    const colour = fc.constantFrom<TaskColour>('green', 'blue', 'yellow', 'red');
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}`);
    const snapshots = fc.uniqueArray(fc.record({ on: day, colour }), { selector: (s) => s.on, maxLength: 20 });
    fc.assert(
      fc.property(
        snapshots.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([a, b]) => {
          expect(escalationFor(b, GUANGYUAN_ESCALATION)).toEqual(escalationFor(a, GUANGYUAN_ESCALATION));
        },
      ),
    );
  });
});
