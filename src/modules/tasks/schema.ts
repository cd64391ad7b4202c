import { z } from 'zod';
import { TASK_STATUSES } from './rules/task-states.ts';

const isoDate = z.iso.date().describe('A date, YYYY-MM-DD');
const unitCode = z.string().trim().min(2).max(20).describe('An org unit code, short (1409) or full');
const version = z.number().int().min(1).describe('The version you saw; a stale one answers 409');
export const COLOURS = ['blue', 'yellow', 'red', 'green', 'grey'] as const;
export const colour = z.enum(COLOURS);

export const idParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'a numeric id') });

export const unitRef = z.object({ code: z.string(), name: z.string() }).meta({ id: 'UnitRef' });

export const milestone = z.object({
  title: z.string().trim().min(1).max(200),
  dueOn: isoDate,
  weight: z.number().positive().max(1000).describe('Relative share of the work due by this date'),
});

const taskFields = {
  title: z.string().trim().min(2).max(200),
  description: z.string().max(5000).default(''),
  responsibleLeader: z.string().trim().min(1).max(100).describe('The leader answerable for the task'),
  priority: z.enum(['high', 'normal', 'low']).default('normal'),
  reportCadence: z.enum(['none', 'weekly', 'monthly', 'quarterly']).default('none'),
  startOn: isoDate,
  deadline: isoDate,
  milestones: z.array(milestone).max(50).default([]),
};

export const createTaskBody = z.object({
  ...taskFields,
  issuerUnit: unitCode.describe('The unit issuing the task (usually the one that took the decision)'),
  leadUnit: unitCode.describe('The one unit leading the work (牵头单位)'),
  cooperatingUnits: z.array(unitCode).max(30).default([]).describe('Co-operating units (配合单位)'),
  supervisingUnit: unitCode.describe('The unit following the task up (督办单位)'),
  decisionId: z.string().regex(/^\d+$/).optional().describe('The decision the task comes from'),
  planNodeId: z.string().regex(/^\d+$/).optional().describe('The plan node the task serves'),
  issue: z.boolean().default(false).describe('Issue at once instead of keeping a draft'),
});
export type CreateTaskInput = z.infer<typeof createTaskBody>;

export const amendTaskBody = z.object({
  version,
  title: taskFields.title.optional(),
  description: z.string().max(5000).optional(),
  responsibleLeader: taskFields.responsibleLeader.optional(),
  priority: taskFields.priority.optional(),
  startOn: isoDate.optional(),
  deadline: isoDate.optional(),
  milestones: z.array(milestone).max(50).optional(),
  decisionId: z
    .string()
    .regex(/^\d+$/)
    .optional()
    .describe(
      'The decision behind the change; the task then shows it as its origin. Required once the task is issued, when only title, description, responsible leader and priority may change (dates through an extension)',
    ),
});

export const TASK_COMMANDS = [
  'issue',
  'acknowledge',
  'start',
  'resume',
  'request_extension',
  'approve_extension',
  'reject_extension',
  'cancel',
] as const;

export const actionBody = z.object({
  action: z.enum(TASK_COMMANDS),
  version,
  reason: z.string().trim().max(1000).optional(),
  newDeadline: isoDate.optional(),
});

export const listTasksQuery = z.object({
  unit: unitCode.optional().describe("Only tasks led inside this unit's subtree"),
  colour: colour.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  leader: z.string().trim().min(1).max(100).optional().describe('Part of the responsible leader’s name'),
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the title'),
  involvement: z
    .enum(['lead', 'cooperating', 'supervisor', 'issuer'])
    .optional()
    .describe('Only tasks where a unit in your scope plays this part'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ListTasksQuery = z.infer<typeof listTasksQuery>;

export const taskListItem = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.enum(TASK_STATUSES),
    colour: colour.nullable().describe('Computed from the record; null for drafts and cancelled tasks'),
    leadUnit: unitRef,
    deadline: z.string(),
    startOn: z.string(),
    priority: z.enum(['high', 'normal', 'low']),
    responsibleLeader: z.string(),
    plannedPercent: z.number(),
    reportedPercent: z.number(),
  })
  .meta({ id: 'TaskListItem' });

export const taskPage = z.object({
  items: z.array(taskListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const taskDetail = taskListItem
  .extend({
    description: z.string(),
    issuerUnit: unitRef,
    supervisingUnit: unitRef,
    cooperatingUnits: z.array(unitRef),
    reportCadence: z.enum(['none', 'weekly', 'monthly', 'quarterly']),
    milestones: z.array(milestone),
    colourReasons: z.array(z.string()),
    statusBeforeExtension: z.string().nullable(),
    requestedDeadline: z.string().nullable(),
    completionReportedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    lastReportReturned: z.boolean(),
    decision: z.object({ id: z.string(), title: z.string() }).nullable(),
    planNode: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
    myRoles: z.array(z.enum(['issuer', 'lead', 'cooperating', 'supervisor'])),
    availableActions: z.array(z.string()).describe('What you may do now'),
    version: z.number().int(),
  })
  .meta({ id: 'TaskDetail' });

export const fileRef = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().trim().min(1).max(200),
});

export const submitReportBody = z.object({
  kind: z.enum(['progress', 'completion']),
  percent: z.number().min(0).max(100).multipleOf(0.01),
  narrative: z.string().trim().min(2).max(10_000),
  figures: z
    .array(z.object({ label: z.string().trim().min(1).max(100), value: z.number(), unit: z.string().max(20) }))
    .max(50)
    .default([]),
  files: z.array(fileRef).max(20).default([]).describe('Evidence uploaded first through POST /api/files'),
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(100)
    .describe('Chosen by the client per submission; the same key twice is refused as a duplicate'),
});

export const reviewReportBody = z.object({
  decision: z.enum(['accept', 'return']),
  reason: z.string().trim().max(1000).optional().describe('Required to return a report'),
});

export const reportParams = z.object({ id: idParam.shape.id, reportId: idParam.shape.id });

export const taskReport = z
  .object({
    id: z.string(),
    taskId: z.string(),
    kind: z.enum(['progress', 'completion']),
    percent: z.number(),
    narrative: z.string(),
    figures: z.array(z.object({ label: z.string(), value: z.number(), unit: z.string() })),
    files: z.array(fileRef),
    unit: unitRef,
    status: z.enum(['submitted', 'accepted', 'returned']),
    reviewReason: z.string().nullable(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .meta({ id: 'TaskReport' });
