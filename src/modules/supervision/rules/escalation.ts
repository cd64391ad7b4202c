import { compareDates } from '../../../platform/calendar-date.ts';
import type { TaskColour } from './colour.ts';

/**
 * What a task's colour history has earned its lead unit. A warning is a spell in a colour: a task that stays
 * yellow for a month has had one yellow warning however often it was looked at, and a second one only if it
 * turns yellow again after a spell in another colour. So the history may be a daily snapshot or a list of
 * changes; either gives the same answer.
 *
 * The answer lists every escalation the whole history calls for, each dated; the service issues those it
 * has not issued yet. Deriving them again each time keeps notices and deductions tied to their evidence.
 */
export type EscalationRules = {
  /** Every this-many yellow warnings call for a formal supervision letter (督办函). */
  yellowWarningsPerLetter: number;
  letterDeductionPoints: number;
  /** Each red warning calls for a formal interview (约谈) of the unit head. */
  redDeductionPoints: number;
};

/** Guangyuan: two yellow warnings → a supervision letter and −1 point; red → −2 points and a formal interview. */
export const GUANGYUAN_ESCALATION: EscalationRules = {
  yellowWarningsPerLetter: 2,
  letterDeductionPoints: 1,
  redDeductionPoints: 2,
};

export type ColourSnapshot = { colour: TaskColour; on: string };

export type Escalation = {
  notice: 'supervision_letter' | 'formal_interview';
  deductionPoints: number;
  /** The day of the warning that completed the count. */
  dueOn: string;
  /** The days the warnings behind this escalation began. */
  warningDates: string[];
};

/** How two snapshots of one day are ordered: milder first, so the day ends on the more severe colour; grey
 * (closed) last, as closing ends a task's history. */
const SAME_DAY_ORDER: Record<TaskColour, number> = { green: 0, blue: 1, yellow: 2, red: 3, grey: 4 };

export function escalationFor(history: readonly ColourSnapshot[], rules: EscalationRules): Escalation[] {
  const escalations: Escalation[] = [];
  let uncountedYellows: string[] = [];
  let previous: TaskColour | null = null;
  for (const { colour, on } of chronological(history)) {
    if (colour === previous) continue;
    previous = colour;
    if (colour === 'red') {
      escalations.push({
        notice: 'formal_interview',
        deductionPoints: rules.redDeductionPoints,
        dueOn: on,
        warningDates: [on],
      });
    } else if (colour === 'yellow') {
      uncountedYellows.push(on);
      if (uncountedYellows.length < rules.yellowWarningsPerLetter) continue;
      escalations.push({
        notice: 'supervision_letter',
        deductionPoints: rules.letterDeductionPoints,
        dueOn: on,
        warningDates: uncountedYellows,
      });
      uncountedYellows = [];
    }
  }
  return escalations;
}

function chronological(history: readonly ColourSnapshot[]): ColourSnapshot[] {
  return [...history].sort((a, b) => compareDates(a.on, b.on) || SAME_DAY_ORDER[a.colour] - SAME_DAY_ORDER[b.colour]);
}
