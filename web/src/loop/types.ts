/** Shapes of the work-loop API, named once for the screens. */
import type { components, paths } from '../api/schema.d.ts';

type Schemas = components['schemas'];
export type TaskListItem = Schemas['TaskListItem'];
export type TaskDetail = Schemas['TaskDetail'];
export type TaskReport = Schemas['TaskReport'];
export type Notice = Schemas['SupervisionNotice'];
export type AssessmentRun = Schemas['AssessmentRun'];
export type AssessmentScheme = Schemas['AssessmentScheme'];
export type Exemption = Schemas['Exemption'];
export type Colour = NonNullable<TaskListItem['colour']>;
export type TaskQuery = NonNullable<paths['/api/tasks']['get']['parameters']['query']>;
export type Notification = Schemas['Notification'];
export type Decision = Schemas['Decision'];
export type PlanSummary = Schemas['PlanSummary'];
export type Inspection = Schemas['Inspection'];
export type InspectionListItem = Schemas['InspectionListItem'];
export type AssessmentEntries = Schemas['AssessmentEntries'];
export type BonusClaim = Schemas['BonusClaim'];
export type PlanNode = Schemas['PlanNode'];
