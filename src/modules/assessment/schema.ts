import { z } from 'zod';
import { fileRef, idParam, unitRef } from '../tasks/schema.ts';

const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'lower-case letters, digits, _ and -');
const unitCode = z.string().trim().min(2).max(20);
const name = z.string().trim().min(1).max(200);
const cadence = z.enum(['quarterly', 'annual']);
const points = z.number().positive().max(1000);

const itemBase = { code, name, cadence };
export const schemeItem = z.discriminatedUnion('kind', [
  z.object({ ...itemBase, kind: z.literal('timeliness'), points }),
  z.object({
    ...itemBase,
    kind: z.literal('attainment'),
    points,
    direction: z.enum(['higher_is_better', 'lower_is_better']),
    cap: z.number().min(1).max(10),
    indicatorCode: z.string().trim().min(1).max(60).describe('The indicator read for actual and target'),
  }),
  z.object({
    ...itemBase,
    kind: z.literal('deduction'),
    points,
    pointsPerEvent: z
      .partialRecord(z.enum(['yellow', 'red', 'supervision_notice', 'supervision_letter', 'formal_interview']), points)
      .describe('Points off per supervision event of each kind, e.g. {"yellow": 1, "red": 2}'),
  }),
  z.object({ ...itemBase, kind: z.literal('bonus'), points }),
  z.object({ ...itemBase, kind: z.literal('entered'), points }),
  z.object({ ...itemBase, kind: z.literal('veto') }),
]);
export type SchemeItemInput = z.infer<typeof schemeItem>;

export const schemeDefinition = z
  .object({
    vetoEffect: z.enum(['zero_total', 'lowest_grade']),
    grades: z.object({
      bands: z.array(z.object({ grade: z.string().min(1).max(30), atLeast: z.number() })).max(10),
      lowest: z.string().min(1).max(30),
    }),
    quarterWeights: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
    categories: z
      .array(z.object({ code, name, items: z.array(schemeItem).min(1).max(200) }))
      .min(1)
      .max(30),
  })
  .meta({ id: 'SchemeDefinition' });
export type SchemeDefinition = z.infer<typeof schemeDefinition>;

export const createSchemeBody = z.object({
  code,
  year: z.number().int().min(2000).max(2100),
  name,
  ownerUnit: unitCode.describe('The assessing unit (e.g. the city’s supervision office)'),
  assessedUnits: z.array(unitCode).min(1).max(5000),
  definition: schemeDefinition,
});

export const updateSchemeBody = createSchemeBody.omit({ code: true, ownerUnit: true }).extend({
  version: z.number().int().min(1),
});

export const scheme = z
  .object({
    id: z.string(),
    code: z.string(),
    year: z.number().int(),
    name: z.string(),
    ownerUnit: unitRef,
    assessedUnits: z.array(unitRef),
    definition: schemeDefinition,
    worth: z.number().describe('Full marks'),
    version: z.number().int(),
  })
  .meta({ id: 'AssessmentScheme' });

export const schemeParams = idParam;
export const schemeUnitParams = z.object({ id: idParam.shape.id, code: unitCode });

export const indicatorValueBody = z.object({
  unit: unitCode,
  itemCode: code,
  period: z.enum(['year', 'Q1', 'Q2', 'Q3', 'Q4']),
  actual: z.number().nullable(),
  target: z.number().positive(),
});
export const enteredScoreBody = z.object({ unit: unitCode, itemCode: code, score: z.number().min(0).max(100) });
export const vetoBody = z.object({
  unit: unitCode,
  itemCode: code,
  occurredOn: z.iso.date(),
  reason: z.string().trim().min(2).max(2000),
});

export const bonusClaimBody = z.object({
  unit: unitCode,
  itemCode: code,
  points,
  reason: z.string().trim().min(2).max(2000),
  files: z.array(fileRef).max(20).default([]),
});
export const decisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(2).max(2000),
  version: z.number().int().min(1),
});
export const exemptionBody = z.object({
  unit: unitCode,
  eventId: z
    .string()
    .regex(/^(colour|notice):\d+$/)
    .describe('The deduction applied against, from …/deductions'),
  reason: z.string().trim().min(2).max(5000),
  reducePoints: z.number().positive().max(1000).nullable().default(null).describe('null lifts the deduction entirely'),
  files: z.array(fileRef).max(20).default([]),
});

export const schemeEntries = z
  .object({
    indicatorValues: z.array(
      z.object({
        unit: unitRef,
        itemCode: z.string(),
        period: indicatorValueBody.shape.period,
        actual: z.number().nullable(),
        target: z.number(),
      }),
    ),
    enteredScores: z.array(z.object({ unit: unitRef, itemCode: z.string(), score: z.number() })),
    vetoes: z.array(
      z.object({ id: z.string(), unit: unitRef, itemCode: z.string(), occurredOn: z.string(), reason: z.string() }),
    ),
  })
  .meta({ id: 'AssessmentEntries' });

const decisionStatus = z.enum(['pending', 'approved', 'rejected']);
export const bonusClaim = z
  .object({
    id: z.string(),
    unit: unitRef,
    itemCode: z.string(),
    points: z.number(),
    reason: z.string(),
    status: decisionStatus,
    decisionReason: z.string().nullable(),
    files: z.array(fileRef),
    version: z.number().int(),
  })
  .meta({ id: 'BonusClaim' });

export const exemption = z
  .object({
    id: z.string(),
    unit: unitRef,
    eventId: z.string(),
    reason: z.string(),
    reducePoints: z.number().nullable(),
    status: decisionStatus,
    decisionReason: z.string().nullable(),
    appliedAt: z.string(),
    files: z.array(fileRef),
    version: z.number().int(),
  })
  .meta({ id: 'Exemption' });

export const deduction = z.object({
  eventId: z.string(),
  kind: z.string(),
  on: z.string(),
  taskId: z.string(),
  taskTitle: z.string(),
});

export const createRunBody = z.object({
  asOf: z.iso.date().describe('Records up to this day count'),
});

export const rankingRow = z.object({
  rank: z.number().int(),
  unit: unitRef,
  total: z.number(),
  totalBeforeVeto: z.number(),
  grade: z.string(),
  vetoed: z.boolean(),
  missingInput: z.boolean(),
});

export const run = z
  .object({
    id: z.string(),
    schemeId: z.string(),
    asOf: z.string(),
    status: z.enum(['draft', 'published']),
    inputHash: z.string().describe('SHA-256 of everything the run read: the same inputs give the same run'),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    worth: z.number(),
    ranking: z.array(rankingRow),
    version: z.number().int(),
  })
  .meta({ id: 'AssessmentRun' });

export const runParams = z.object({ runId: idParam.shape.id });
export const runUnitParams = z.object({ runId: idParam.shape.id, code: unitCode });
export const publishBody = z.object({ version: z.number().int().min(1) });
