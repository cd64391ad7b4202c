import type { AssessmentScheme } from '../loop/types.ts';

type Definition = AssessmentScheme['definition'];
type SchemeItem = Definition['categories'][number]['items'][number];
export type ItemKind = SchemeItem['kind'];
export const ITEM_KINDS: readonly ItemKind[] = ['timeliness', 'attainment', 'deduction', 'bonus', 'entered', 'veto'];
export const DEDUCTION_EVENTS = [
  'yellow',
  'red',
  'supervision_notice',
  'supervision_letter',
  'formal_interview',
] as const;
type DeductionEvent = (typeof DEDUCTION_EVENTS)[number];

/**
 * One item as the form holds it: every kind's fields side by side, so that switching the kind keeps what
 * was typed; `toDefinition` keeps only the fields of the chosen kind.
 */
export type ItemValues = {
  code: string;
  name: string;
  cadence: 'quarterly' | 'annual';
  kind: ItemKind;
  points?: number;
  direction?: 'higher_is_better' | 'lower_is_better';
  cap?: number;
  indicatorCode?: string;
  pointsPerEvent?: Partial<Record<DeductionEvent, number | null>>;
};

export type SchemeFormValues = {
  code: string;
  name: string;
  year: number;
  ownerUnit: string;
  assessedUnits: string[];
  vetoEffect: Definition['vetoEffect'];
  bands: { grade: string; atLeast: number }[];
  lowest: string;
  quarterly: boolean;
  quarterWeights: number[];
  categories: { code: string; name: string; items: ItemValues[] }[];
};

function itemOf(values: ItemValues): SchemeItem {
  const base = { code: values.code, name: values.name, cadence: values.cadence };
  const points = values.points ?? 0;
  switch (values.kind) {
    case 'veto':
      return { ...base, kind: 'veto' };
    case 'attainment':
      return {
        ...base,
        kind: 'attainment',
        points,
        direction: values.direction ?? 'higher_is_better',
        cap: values.cap ?? 1,
        indicatorCode: values.indicatorCode ?? '',
      };
    case 'deduction':
      return {
        ...base,
        kind: 'deduction',
        points,
        pointsPerEvent: Object.fromEntries(
          Object.entries(values.pointsPerEvent ?? {}).flatMap(([event, value]) =>
            typeof value === 'number' && value > 0 ? [[event, value]] : [],
          ),
        ),
      };
    default:
      return { ...base, kind: values.kind, points };
  }
}

/** The definition the server validates, from the form (which names every field the server may complain of). */
export function toDefinition(values: SchemeFormValues): Definition {
  return {
    vetoEffect: values.vetoEffect,
    grades: { bands: values.bands, lowest: values.lowest },
    ...(values.quarterly ? { quarterWeights: values.quarterWeights } : {}),
    categories: values.categories.map((category) => ({
      code: category.code,
      name: category.name,
      items: category.items.map(itemOf),
    })),
  };
}

export function toFormValues(scheme: AssessmentScheme): SchemeFormValues {
  const { definition } = scheme;
  return {
    code: scheme.code,
    name: scheme.name,
    year: scheme.year,
    ownerUnit: scheme.ownerUnit.code,
    assessedUnits: scheme.assessedUnits.map((unit) => unit.code),
    vetoEffect: definition.vetoEffect,
    bands: definition.grades.bands,
    lowest: definition.grades.lowest,
    quarterly: definition.quarterWeights !== undefined,
    quarterWeights: definition.quarterWeights ?? [25, 25, 25, 25],
    categories: definition.categories.map((category) => ({
      code: category.code,
      name: category.name,
      items: category.items.map((item) => ({ ...item })),
    })),
  };
}

export function newSchemeValues(year: number): Partial<SchemeFormValues> {
  return {
    year,
    assessedUnits: [],
    vetoEffect: 'zero_total',
    bands: [
      { grade: 'excellent', atLeast: 90 },
      { grade: 'good', atLeast: 80 },
      { grade: 'pass', atLeast: 60 },
    ],
    lowest: 'fail',
    quarterly: false,
    quarterWeights: [25, 25, 25, 25],
    categories: [
      { code: 'work', name: '', items: [{ code: 'on_time', name: '', cadence: 'annual', kind: 'timeliness' }] },
    ],
  };
}

/** What an item adds to full marks, as the server counts it: a veto item is worth nothing. */
export function itemWorth(item: Partial<ItemValues> | undefined): number {
  if (!item || item.kind === 'veto') return 0;
  return item.points ?? 0;
}
