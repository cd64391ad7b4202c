import { z } from 'zod';
import { fileRef, idParam, unitRef } from '../tasks/schema.ts';

const unitCode = z.string().trim().min(2).max(20);
const decisionId = z.string().regex(/^\d+$/);

export const createDecisionBody = z.object({
  unit: unitCode.describe('The unit that decided (a government, a department)'),
  kind: z.enum(['meeting', 'document']),
  title: z.string().trim().min(2).max(300),
  decidedOn: z.iso.date(),
  body: z.string().max(50_000).default(''),
  files: z.array(fileRef).max(20).default([]).describe('Attachments uploaded through POST /api/files'),
});

export const decision = z
  .object({
    id: z.string(),
    unit: unitRef,
    kind: z.enum(['meeting', 'document']),
    title: z.string(),
    decidedOn: z.string(),
    body: z.string(),
    files: z.array(fileRef),
    planNodes: z.array(z.object({ id: z.string(), planId: z.string(), number: z.string(), title: z.string() })),
    tasks: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  })
  .meta({ id: 'Decision' });

export const unitFilter = z.object({ unit: unitCode.optional() });

export const createPlanBody = z.object({
  unit: unitCode,
  title: z.string().trim().min(2).max(300),
  framework: z.string().trim().max(30).optional().describe('The numbered framework, e.g. "1335"'),
  description: z.string().max(10_000).default(''),
  decisionId: decisionId.optional(),
});

const nodeFields = {
  number: z.string().trim().min(1).max(30).describe('Its place in the framework, e.g. "3.2"'),
  title: z.string().trim().min(1).max(300),
  description: z.string().max(10_000).default(''),
  ownerUnits: z.array(unitCode).max(30).default([]),
  indicatorCodes: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  yearlyTargets: z
    .record(z.string().regex(/^\d{4}$/), z.string().max(200))
    .default({})
    .describe('Target per year, as text: "≥ 6.5%"'),
  decisionId: decisionId.optional().describe('The decision that created or amended the node'),
};

export const createNodeBody = z.object({ parentId: z.string().regex(/^\d+$/).optional(), ...nodeFields });
export const amendNodeBody = z.object({ ...nodeFields, version: z.number().int().min(1) });

const planNode = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    number: z.string(),
    title: z.string(),
    description: z.string(),
    ownerUnits: z.array(unitRef),
    indicatorCodes: z.array(z.string()),
    yearlyTargets: z.record(z.string(), z.string()),
    decisionId: z.string().nullable(),
    taskCount: z.number().int(),
    version: z.number().int(),
    get children() {
      return z.array(planNode);
    },
  })
  .meta({ id: 'PlanNode' });
export type PlanNodeDto = z.infer<typeof planNode>;

export const planSummary = z
  .object({
    id: z.string(),
    unit: unitRef,
    title: z.string(),
    framework: z.string().nullable(),
    description: z.string(),
    decisionId: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'PlanSummary' });

export const plan = planSummary.extend({ nodes: z.array(planNode) }).meta({ id: 'Plan' });
export const planParams = idParam;
