import { z } from 'zod';
import { fileRef, unitRef } from '../tasks/schema.ts';

const unitCode = z.string().trim().min(2).max(20);

export const unitQuery = z.object({ unit: unitCode.describe('An org unit code, short (1409) or full') });
export const optionalUnitQuery = z.object({
  unit: unitCode.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const colourCounts = z
  .object({
    blue: z.number().int(),
    yellow: z.number().int(),
    red: z.number().int(),
    green: z.number().int(),
    grey: z.number().int().describe('Closed (done)'),
  })
  .meta({ id: 'ColourCounts' });

export const colourWall = z.object({
  unit: unitRef,
  total: colourCounts,
  rows: z.array(
    z
      .object({ unit: unitRef, counts: colourCounts })
      .describe('One sub-unit, or the unit itself for the tasks it leads'),
  ),
});

export const noticeKind = z.enum(['supervision_notice', 'supervision_letter', 'formal_interview', 'escalation']);
export const notice = z
  .object({
    id: z.string(),
    taskId: z.string(),
    taskTitle: z.string(),
    kind: noticeKind,
    origin: z.enum(['automatic', 'manual']),
    issuedOn: z.string(),
    body: z.string(),
    deductionPoints: z.number(),
    escalatedTo: z.string().nullable(),
    unit: unitRef,
    issuedBy: z.string().nullable(),
  })
  .meta({ id: 'SupervisionNotice' });

export const noticesQuery = optionalUnitQuery.extend({ taskId: z.string().regex(/^\d+$/).optional() });

export const issueNoticeBody = z.object({
  taskId: z.string().regex(/^\d+$/),
  kind: z.enum(['supervision_notice', 'escalation']).default('supervision_notice'),
  body: z.string().trim().min(2).max(5000),
  escalatedTo: z.string().trim().min(1).max(100).optional().describe('For an escalation: the next leader up'),
});

const verdict = z.enum(['confirmed', 'not_as_reported']);

export const inspectionBody = z.object({
  inspectedOn: z.iso.date(),
  findings: z.string().trim().min(2).max(10_000),
  verdict,
  photos: z.array(fileRef).max(20).default([]),
});

export const inspection = z
  .object({
    id: z.string(),
    taskId: z.string(),
    inspectedOn: z.string(),
    findings: z.string(),
    verdict,
    recordedBy: z.string().nullable(),
    photos: z.array(fileRef),
  })
  .meta({ id: 'Inspection' });

export const inspectionsQuery = z.object({
  unit: unitCode.optional().describe("Only inspections of tasks led inside this unit's subtree"),
  verdict: verdict.optional(),
  from: z.iso.date().optional().describe('Inspected on or after'),
  to: z.iso.date().optional().describe('Inspected on or before'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const inspectionListItem = inspection
  .extend({ taskTitle: z.string(), leadUnit: unitRef })
  .meta({ id: 'InspectionListItem' });

export const inspectionPage = z.object({
  items: z.array(inspectionListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const overdueItem = z.object({
  id: z.string(),
  title: z.string(),
  deadline: z.string(),
  status: z.string(),
  responsibleLeader: z.string(),
  leadUnit: unitRef,
});

export const rulesBody = z
  .object({
    effectiveFrom: z.iso.date(),
    colour: z.object({
      yellowBehindPoints: z.number().min(0).max(100),
      redBehindPoints: z.number().min(0).max(100).nullable(),
      blueWithinDays: z.number().int().min(0).max(365),
    }),
    escalation: z.object({
      yellowWarningsPerLetter: z.number().int().min(1).max(20),
      letterDeductionPoints: z.number().min(0).max(100),
      redDeductionPoints: z.number().min(0).max(100),
    }),
  })
  .meta({ id: 'SupervisionRules' });

export const passResult = z.object({
  judged: z.number().int(),
  changed: z.number().int(),
  warnings: z.number().int(),
  notices: z.number().int(),
});

export const passRun = z.object({
  id: z.string(),
  slot: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  result: z.unknown(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
