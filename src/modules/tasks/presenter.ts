import type { z } from 'zod';
import type { GrantRow, ReportRow, TaskListRow, TaskRow } from './queries.ts';
import type { ActorRole, TaskStatus } from './rules/task-states.ts';
import type { taskDetail, taskListItem, taskReport } from './schema.ts';

type Colour = z.infer<typeof taskListItem>['colour'];

export function presentListItem(row: TaskListRow): z.infer<typeof taskListItem> {
  return {
    id: row.id,
    title: row.title,
    status: row.status as TaskStatus,
    colour: row.colour as Colour,
    leadUnit: { code: row.lead_code, name: row.lead_name },
    deadline: row.deadline,
    startOn: row.start_on,
    priority: row.priority,
    responsibleLeader: row.responsible_leader,
    plannedPercent: Number(row.planned_percent),
    reportedPercent: Number(row.reported_percent),
  };
}

export function presentTask(
  task: TaskRow,
  context: {
    grants: readonly GrantRow[];
    decision: { id: string; title: string } | undefined;
    planNode: { id: string; number: string; title: string } | undefined;
    myRoles: ActorRole[];
    availableActions: string[];
  },
): z.infer<typeof taskDetail> {
  const unitsIn = (role: GrantRow['role']) =>
    context.grants.filter((g) => g.role === role).map((g) => ({ code: g.code, name: g.name }));
  const only = (role: GrantRow['role']) => unitsIn(role)[0] ?? { code: '', name: '' };
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    status: task.status as TaskStatus,
    colour: task.colour as Colour,
    colourReasons: task.colour_reasons,
    leadUnit: only('lead'),
    issuerUnit: only('issuer'),
    supervisingUnit: only('supervisor'),
    cooperatingUnits: unitsIn('cooperating'),
    deadline: task.deadline,
    startOn: task.start_on,
    priority: task.priority,
    reportCadence: task.report_cadence,
    responsibleLeader: task.responsible_leader,
    milestones: task.milestones as { title: string; dueOn: string; weight: number }[],
    plannedPercent: Number(task.planned_percent),
    reportedPercent: Number(task.reported_percent),
    statusBeforeExtension: task.status_before_extension,
    requestedDeadline: task.requested_deadline,
    completionReportedOn: task.completion_reported_on,
    closedOn: task.closed_on,
    lastReportReturned: task.last_report_returned,
    decision: context.decision ?? null,
    planNode: context.planNode ?? null,
    myRoles: context.myRoles,
    availableActions: context.availableActions,
    version: task.version,
  };
}

export function presentReport(row: ReportRow): z.infer<typeof taskReport> {
  return {
    id: row.id,
    taskId: row.task_id,
    kind: row.kind,
    percent: Number(row.percent),
    narrative: row.narrative,
    figures: row.figures as { label: string; value: number; unit: string }[],
    files: row.files,
    unit: { code: row.unit_code, name: row.unit_name },
    status: row.status,
    reviewReason: row.review_reason,
    submittedBy: row.submitted_by_name,
    submittedAt: new Date(row.submitted_at).toISOString(),
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
  };
}
