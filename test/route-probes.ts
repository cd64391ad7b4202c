import { expect } from 'vitest';
import type { ApiResponse } from './support/app.ts';

/**
 * How each route is tried by a user scoped to Kelan County (140929) against something outside Kelan.
 * Every route in the OpenAPI document needs an entry here: the authorization test fails on a route without
 * one, so a new module cannot ship a route nobody tried to break into.
 */
export type Probe = {
  /**
   * Which Kelan-scoped account tries: a data clerk, an auditor (who may read the audit trail), or a leader
   * (who may issue and supervise tasks, so only the record itself can refuse it).
   */
  as: 'clerk' | 'auditor' | 'leader';
  /** The concrete request: path parameters and query filled in with out-of-scope values. */
  path: string;
  body?: unknown;
  /** 403 for a refusal; or a check that the answer leaks nothing from outside the scope. */
  expect: 403 | ((response: ApiResponse) => void);
};

const XINFU = '140902'; // 忻府区, a sibling county of Kelan

/** The task and report the task probes act on; the authorization test creates them before probing. */
export const PROBED_TASK = '1';
export const PROBED_REPORT = '1';
const dated = { effectiveOn: '2020-01-01', reason: '越权测试', version: 1 };

const loopTask = {
  title: '越权任务',
  issuerUnit: XINFU,
  leadUnit: XINFU,
  supervisingUnit: '1409',
  responsibleLeader: '某领导',
  startOn: '2024-06-01',
  deadline: '2024-12-31',
};
const notFound = (code: string) => (response: ApiResponse) => {
  expect(response.status).toBe(404);
  expect(response.body.code).toBe(code);
};
const taskHidden = notFound('TASK_NOT_FOUND');

const noneOutsideKelan = (response: ApiResponse) => {
  expect(response.status).toBe(200);
  for (const item of response.body.items) expect(item.code).toMatch(/^140929/);
};

export const routeProbes: Record<string, Probe | 'public' | 'self'> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  // Routes about the caller's own session act on nothing but the caller.
  'POST /api/auth/logout': 'self',
  'GET /api/auth/me': 'self',
  'POST /api/auth/password': 'self',

  'GET /api/org-units': {
    as: 'clerk',
    path: `/api/org-units?q=${encodeURIComponent('忻府')}`,
    expect: noneOutsideKelan,
  },
  'GET /api/org-units/{code}': { as: 'clerk', path: `/api/org-units/${XINFU}`, expect: 403 },
  'GET /api/org-units/{code}/children': { as: 'clerk', path: `/api/org-units/${XINFU}/children`, expect: 403 },
  'GET /api/org-units/{code}/ancestors': { as: 'clerk', path: `/api/org-units/${XINFU}/ancestors`, expect: 403 },
  'GET /api/org-units/{code}/history': { as: 'clerk', path: `/api/org-units/${XINFU}/history`, expect: 403 },
  'POST /api/org-units/{code}/rename': {
    as: 'clerk',
    path: `/api/org-units/${XINFU}/rename`,
    body: { name: 'X', ...dated },
    expect: 403,
  },
  'POST /api/org-units/{code}/merge': {
    as: 'clerk',
    path: `/api/org-units/${XINFU}/merge`,
    body: { intoCode: '140929', ...dated },
    expect: 403,
  },
  'POST /api/org-units/{code}/abolish': {
    as: 'clerk',
    path: `/api/org-units/${XINFU}/abolish`,
    body: dated,
    expect: 403,
  },
  'POST /api/org-units/{code}/departments': {
    as: 'clerk',
    path: `/api/org-units/${XINFU}/departments`,
    body: { name: 'X', category: 'team', establishedOn: '2020-01-01', reason: '越权测试' },
    expect: 403,
  },

  'POST /api/org-units/import-divisions': {
    as: 'clerk',
    path: '/api/org-units/import-divisions',
    body: { prefix: '140902' },
    expect: 403,
  },

  // Jobs need only a session, but another user's job outside the scope is as good as absent.
  'GET /api/jobs/{id}': {
    as: 'clerk',
    path: '/api/jobs/1',
    expect: (response) => expect(response.body.code).toBe('JOB_NOT_FOUND'),
  },
  'GET /api/jobs': { as: 'clerk', path: '/api/jobs', expect: (response) => expect(response.body.items).toEqual([]) },

  'GET /api/users': { as: 'clerk', path: '/api/users', expect: 403 },
  'GET /api/users/{id}': { as: 'clerk', path: '/api/users/1', expect: 403 },
  'POST /api/users': {
    as: 'clerk',
    path: '/api/users',
    body: { username: 'intruder', displayName: 'X', password: 'Passw0rd123', role: 'admin', scopes: [] },
    expect: 403,
  },
  'PATCH /api/users/{id}': { as: 'clerk', path: '/api/users/1', body: { role: 'clerk', version: 1 }, expect: 403 },
  'POST /api/users/{id}/reset-password': {
    as: 'clerk',
    path: '/api/users/1/reset-password',
    body: { newPassword: 'Passw0rd123' },
    expect: 403,
  },
  'GET /api/roles': { as: 'clerk', path: '/api/roles', expect: 403 },

  'GET /api/audit': { as: 'auditor', path: `/api/audit?unit=${XINFU}`, expect: 403 },
  'GET /api/audit/verify': { as: 'clerk', path: '/api/audit/verify', expect: 403 },

  // The closed work loop. Task probes act on task 1 and its report 1: real records led, issued and supervised
  // by Xinfu and Xinzhou (see the authorization test's set-up), in which no Kelan unit plays a part. A task
  // not granted to a unit in the caller's scope answers 404 as if absent, even to an account whose role may
  // act on tasks; so each probe is made by an account the route's permission admits.
  'GET /api/tasks': { as: 'clerk', path: `/api/tasks?unit=${XINFU}`, expect: 403 },
  'POST /api/tasks': { as: 'leader', path: '/api/tasks', body: loopTask, expect: 403 },
  'GET /api/tasks/{id}': { as: 'clerk', path: `/api/tasks/${PROBED_TASK}`, expect: taskHidden },
  'PATCH /api/tasks/{id}': {
    as: 'leader',
    path: `/api/tasks/${PROBED_TASK}`,
    body: { title: '越权', version: 1 },
    expect: taskHidden,
  },
  'POST /api/tasks/{id}/actions': {
    as: 'clerk',
    path: `/api/tasks/${PROBED_TASK}/actions`,
    body: { action: 'start', version: 2 },
    expect: taskHidden,
  },
  'GET /api/tasks/{id}/reports': { as: 'clerk', path: `/api/tasks/${PROBED_TASK}/reports`, expect: taskHidden },
  'POST /api/tasks/{id}/reports': {
    as: 'clerk',
    path: `/api/tasks/${PROBED_TASK}/reports`,
    body: { kind: 'progress', percent: 10, narrative: '越权报送', idempotencyKey: 'probe-key-1' },
    expect: taskHidden,
  },
  'POST /api/tasks/{id}/reports/{reportId}/review': {
    as: 'leader',
    path: `/api/tasks/${PROBED_TASK}/reports/${PROBED_REPORT}/review`,
    body: { decision: 'accept' },
    expect: taskHidden,
  },
  'GET /api/tasks/{id}/inspections': {
    as: 'clerk',
    path: `/api/tasks/${PROBED_TASK}/inspections`,
    expect: taskHidden,
  },
  'POST /api/tasks/{id}/inspections': {
    as: 'leader',
    path: `/api/tasks/${PROBED_TASK}/inspections`,
    body: { inspectedOn: '2024-06-01', findings: '越权检查', verdict: 'confirmed' },
    expect: taskHidden,
  },
  'POST /api/files': { as: 'clerk', path: '/api/files', expect: (response) => expect(response.status).toBe(415) },
  'GET /api/files/{sha256}': {
    as: 'clerk',
    path: `/api/files/${'a'.repeat(64)}`,
    expect: (response) => expect(response.body.code).toBe('FILE_NOT_FOUND'),
  },
  'GET /api/supervision/summary': { as: 'clerk', path: `/api/supervision/summary?unit=${XINFU}`, expect: 403 },
  'GET /api/supervision/wall': { as: 'clerk', path: `/api/supervision/wall?unit=${XINFU}`, expect: 403 },
  'GET /api/supervision/overdue': { as: 'clerk', path: `/api/supervision/overdue?unit=${XINFU}`, expect: 403 },
  'GET /api/supervision/notices': { as: 'clerk', path: `/api/supervision/notices?unit=${XINFU}`, expect: 403 },
  'GET /api/supervision/inspections': {
    as: 'clerk',
    path: `/api/supervision/inspections?unit=${XINFU}`,
    expect: 403,
  },
  'POST /api/supervision/notices': {
    as: 'leader',
    path: '/api/supervision/notices',
    body: { taskId: PROBED_TASK, body: '越权督办' },
    expect: taskHidden,
  },
  // The rules are the deployment's, not a unit's: anyone who reads tasks may read them.
  'GET /api/supervision/rules': {
    as: 'clerk',
    path: '/api/supervision/rules',
    expect: (response) => expect(response.status).toBe(200),
  },
  'PUT /api/supervision/rules': { as: 'clerk', path: '/api/supervision/rules', body: {}, expect: 403 },
  'POST /api/supervision/passes': { as: 'clerk', path: '/api/supervision/passes', body: {}, expect: 403 },
  'GET /api/supervision/passes': { as: 'clerk', path: '/api/supervision/passes', expect: 403 },
  'GET /api/notifications': {
    as: 'clerk',
    path: '/api/notifications',
    expect: (response) => {
      expect(response.status).toBe(200);
      for (const item of response.body.items) expect(item.unit.code).toMatch(/^140929/);
    },
  },
  'GET /api/notifications/unread-count': 'self',
  'GET /api/decisions': { as: 'clerk', path: `/api/decisions?unit=${XINFU}`, expect: 403 },
  'POST /api/decisions': { as: 'clerk', path: '/api/decisions', body: {}, expect: 403 },
  'GET /api/decisions/{id}': { as: 'clerk', path: '/api/decisions/1', expect: notFound('DECISION_NOT_FOUND') },
  'GET /api/plans': { as: 'clerk', path: `/api/plans?unit=${XINFU}`, expect: 403 },
  'POST /api/plans': { as: 'clerk', path: '/api/plans', body: {}, expect: 403 },
  'GET /api/plans/{id}': { as: 'clerk', path: '/api/plans/1', expect: notFound('PLAN_NOT_FOUND') },
  'POST /api/plans/{id}/nodes': { as: 'clerk', path: '/api/plans/1/nodes', body: {}, expect: 403 },
  'PUT /api/plan-nodes/{id}': { as: 'clerk', path: '/api/plan-nodes/1', body: {}, expect: 403 },
  'POST /api/plan-nodes/{id}/move': { as: 'clerk', path: '/api/plan-nodes/1/move', body: {}, expect: 403 },
  'DELETE /api/plan-nodes/{id}': { as: 'clerk', path: '/api/plan-nodes/1?version=1', expect: 403 },
  'GET /api/assessment/schemes': {
    as: 'clerk',
    path: '/api/assessment/schemes',
    expect: (response) => {
      expect(response.status).toBe(200);
      for (const item of response.body.items) expect(item.ownerUnit.code).toMatch(/^140929/);
    },
  },
  'POST /api/assessment/schemes': { as: 'clerk', path: '/api/assessment/schemes', body: {}, expect: 403 },
  'GET /api/assessment/schemes/{id}': {
    as: 'clerk',
    path: '/api/assessment/schemes/1',
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'PUT /api/assessment/schemes/{id}': { as: 'clerk', path: '/api/assessment/schemes/1', body: {}, expect: 403 },
  'POST /api/assessment/schemes/{id}/indicator-values': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/indicator-values',
    body: {},
    expect: 403,
  },
  'POST /api/assessment/schemes/{id}/entered-scores': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/entered-scores',
    body: {},
    expect: 403,
  },
  'POST /api/assessment/schemes/{id}/vetoes': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/vetoes',
    body: {},
    expect: 403,
  },
  'GET /api/assessment/schemes/{id}/entries': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/entries',
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'GET /api/assessment/schemes/{id}/bonus-claims': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/bonus-claims',
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'POST /api/assessment/schemes/{id}/bonus-claims': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/bonus-claims',
    body: { unit: XINFU, itemCode: 'bonus', points: 1, reason: '越权申请' },
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'POST /api/assessment/schemes/{id}/bonus-claims/{applicationId}/decision': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/bonus-claims/1/decision',
    body: {},
    expect: 403,
  },
  'GET /api/assessment/schemes/{id}/units/{code}/deductions': {
    as: 'clerk',
    path: `/api/assessment/schemes/1/units/${XINFU}/deductions`,
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'GET /api/assessment/schemes/{id}/exemptions': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/exemptions',
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'POST /api/assessment/schemes/{id}/exemptions': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/exemptions',
    body: { unit: XINFU, eventId: 'colour:1', reason: '越权申请' },
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'POST /api/assessment/schemes/{id}/exemptions/{applicationId}/decision': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/exemptions/1/decision',
    body: {},
    expect: 403,
  },
  'GET /api/assessment/schemes/{id}/runs': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/runs',
    expect: notFound('SCHEME_NOT_FOUND'),
  },
  'POST /api/assessment/schemes/{id}/runs': {
    as: 'clerk',
    path: '/api/assessment/schemes/1/runs',
    body: {},
    expect: 403,
  },
  'GET /api/assessment/runs/{runId}': {
    as: 'clerk',
    path: '/api/assessment/runs/1',
    expect: notFound('RUN_NOT_FOUND'),
  },
  'GET /api/assessment/runs/{runId}/units/{code}': {
    as: 'clerk',
    path: `/api/assessment/runs/1/units/${XINFU}`,
    expect: notFound('RUN_NOT_FOUND'),
  },
  'POST /api/assessment/runs/{runId}/recompute': {
    as: 'clerk',
    path: '/api/assessment/runs/1/recompute',
    body: {},
    expect: 403,
  },
  'POST /api/assessment/runs/{runId}/publish': {
    as: 'clerk',
    path: '/api/assessment/runs/1/publish',
    body: {},
    expect: 403,
  },
  'POST /api/notifications/read': {
    as: 'clerk',
    path: '/api/notifications/read',
    body: { id: '1' },
    expect: (response) => expect(response.body.code).toBe('NOTIFICATION_NOT_FOUND'),
  },
  // Indicators: definitions are shared by the whole tree; everything about values is scoped by unit.
  'GET /api/indicators': {
    as: 'clerk',
    path: '/api/indicators',
    expect: (response) => expect(response.status).toBe(200),
  },
  'GET /api/indicators/{code}': {
    as: 'clerk',
    path: '/api/indicators/economy.gdp',
    expect: (response) => expect([200, 404]).toContain(response.status),
  },
  'POST /api/indicators': {
    as: 'clerk',
    path: '/api/indicators',
    body: {
      code: 'x.y',
      nameZh: 'X',
      nameEn: 'X',
      valueType: 'number',
      direction: 'up',
      unitAggregation: 'sum',
      periodAggregation: 'sum',
      periodType: 'year',
      source: 'entered',
      entryLevel: 3,
    },
    expect: 403,
  },
  'PATCH /api/indicators/{code}': { as: 'clerk', path: '/api/indicators/x.y', body: { version: 1 }, expect: 403 },
  'GET /api/indicator-targets': { as: 'clerk', path: `/api/indicator-targets?unit=${XINFU}`, expect: 403 },
  'PUT /api/indicator-targets': {
    as: 'clerk',
    path: '/api/indicator-targets',
    body: { indicator: 'x.y', unit: XINFU, period: '2024', target: 1 },
    expect: 403,
  },
  'GET /api/indicator-values': { as: 'clerk', path: `/api/indicator-values?unit=${XINFU}&period=2024`, expect: 403 },
  'POST /api/indicator-values': {
    as: 'clerk',
    path: '/api/indicator-values',
    body: { unit: XINFU, period: '2024', values: [{ indicator: 'x.y', value: 1 }] },
    expect: 403,
  },
  'GET /api/indicator-values/history': {
    as: 'clerk',
    path: `/api/indicator-values/history?unit=${XINFU}&period=2024-03`,
    expect: 403,
  },
  'GET /api/indicator-values/template': {
    as: 'clerk',
    path: `/api/indicator-values/template?unit=${XINFU}&period=2024`,
    expect: 403,
  },
  // A JSON body is no file: refused before anything is read. Rows of another county in a real file are
  // refused row by row (src/modules/indicators/import.api.test.ts).
  'POST /api/indicator-values/import': {
    as: 'clerk',
    path: '/api/indicator-values/import?dryRun=false',
    body: { unit: XINFU },
    expect: (response) => expect(response.status).toBe(400),
  },
  'GET /api/indicator-approvals': {
    as: 'clerk',
    path: `/api/indicator-approvals?unit=${XINFU}&period=2024`,
    expect: 403,
  },
  'POST /api/indicator-approvals': {
    as: 'clerk',
    path: '/api/indicator-approvals',
    body: { unit: XINFU, period: '2024' },
    expect: 403,
  },
  'POST /api/indicator-entry-exceptions': {
    as: 'clerk',
    path: '/api/indicator-entry-exceptions',
    body: { unit: XINFU, period: '2024', reason: '越权测试', expiresAt: '2030-01-01T00:00:00Z' },
    expect: 403,
  },
  'GET /api/analytics': { as: 'clerk', path: `/api/analytics?indicator=x.y&unit=${XINFU}&period=2024`, expect: 403 },
  'GET /api/analytics/series': {
    as: 'clerk',
    path: `/api/analytics/series?indicator=x.y&unit=${XINFU}&period=2024`,
    expect: 403,
  },
  'GET /api/analytics/rows': {
    as: 'clerk',
    path: `/api/analytics/rows?indicator=x.y&unit=${XINFU}&period=2024`,
    expect: 403,
  },
  'GET /api/indicator-alerts': { as: 'clerk', path: `/api/indicator-alerts?unit=${XINFU}`, expect: 403 },
  'GET /api/dashboards/current': { as: 'clerk', path: `/api/dashboards/current?unit=${XINFU}`, expect: 403 },
  'PUT /api/dashboards': {
    as: 'clerk',
    path: '/api/dashboards',
    body: { role: 'clerk', unit: XINFU, widgets: [] },
    expect: 403,
  },
  // Registry: household 1 is created outside Kelan by the authorization test.
  'GET /api/registry/stats': { as: 'clerk', path: `/api/registry/stats?unit=${XINFU}&year=2018`, expect: 403 },
  'GET /api/registry/stats/breakdown': {
    as: 'clerk',
    path: `/api/registry/stats/breakdown?unit=${XINFU}&year=2018&by=cause`,
    expect: 403,
  },
  'GET /api/registry/stats/trend': { as: 'clerk', path: `/api/registry/stats/trend?unit=${XINFU}`, expect: 403 },
  'GET /api/registry/households': {
    as: 'clerk',
    path: `/api/registry/households?unit=${XINFU}`,
    expect: 403,
  },
  'POST /api/registry/households': {
    as: 'clerk',
    path: '/api/registry/households',
    body: { villageCode: '140902001002', members: [{ name: 'X', idNumber: '11010519491231002X', relation: 'head' }] },
    expect: 403,
  },
  'GET /api/registry/households/{id}': { as: 'clerk', path: '/api/registry/households/1', expect: 403 },
  'PATCH /api/registry/households/{id}': {
    as: 'clerk',
    path: '/api/registry/households/1',
    body: { largeCostsResolved: true, version: 1 },
    expect: 403,
  },
  'POST /api/registry/households/{id}/transitions': {
    as: 'clerk',
    path: '/api/registry/households/1/transitions',
    body: { to: 'registered', effectiveOn: '2020-01-01', reason: '越权测试', version: 1 },
    expect: 403,
  },
  'POST /api/registry/households/{id}/measures': {
    as: 'clerk',
    path: '/api/registry/households/1/measures',
    body: { type: 'health', givenOn: '2020-01-01', amountYuan: 1, version: 1 },
    expect: 403,
  },
  'POST /api/registry/households/{id}/incomes': {
    as: 'clerk',
    path: '/api/registry/households/1/incomes',
    body: { year: 2020, perCapitaNetIncome: 1, version: 1 },
    expect: 403,
  },
  'POST /api/registry/households/{id}/income-records': {
    as: 'clerk',
    path: '/api/registry/households/1/income-records',
    body: { firstMonth: '2020-01', months: 1, perCapitaIncome: 1, version: 1 },
    expect: 403,
  },
  'GET /api/registry/line-settings': {
    as: 'auditor',
    path: '/api/registry/line-settings',
    expect: (response) => expect(response.status).toBe(200),
  },
  'POST /api/registry/line-settings': {
    as: 'clerk',
    path: '/api/registry/line-settings',
    body: { kind: 'poverty', effectiveFrom: '2020-01-01', value: 1 },
    expect: 403,
  },
  'POST /api/registry/households/{id}/change-requests': {
    as: 'clerk',
    path: '/api/registry/households/1/change-requests',
    body: { change: { kind: 'remove_member', idNumber: '11010519491231002X' }, reason: '越权测试' },
    expect: 403,
  },
  'GET /api/registry/change-requests': {
    as: 'auditor',
    path: '/api/registry/change-requests',
    expect: (response) => expect(response.body.items).toEqual([]),
  },
  'POST /api/registry/change-requests/{id}/decisions': {
    as: 'clerk',
    path: '/api/registry/change-requests/1/decisions',
    body: { decision: 'approve', version: 1 },
    expect: 403,
  },
  'GET /api/registry/exit-assessment': {
    as: 'clerk',
    path: `/api/registry/exit-assessment?unit=${XINFU}&year=2018`,
    expect: 403,
  },
  'GET /api/registry/exit-overview': {
    as: 'clerk',
    path: `/api/registry/exit-overview?unit=${XINFU}&year=2018&level=village`,
    expect: 403,
  },
  'POST /api/registry/sample-checks': {
    as: 'clerk',
    path: '/api/registry/sample-checks',
    body: {
      countyCode: XINFU,
      year: 2018,
      sampledExited: 1,
      wronglyExited: 0,
      sampledUnregistered: 1,
      verifiedMissed: 0,
      recognition: 1,
    },
    expect: 403,
  },
  'GET /api/registry/exit-applications': {
    as: 'auditor',
    path: '/api/registry/exit-applications',
    expect: (response) => expect(response.body.items).toEqual([]),
  },
  'POST /api/registry/exit-applications': {
    as: 'clerk',
    path: '/api/registry/exit-applications',
    body: { unitCode: XINFU, year: 2018 },
    expect: 403,
  },
  'POST /api/registry/exit-applications/{id}/reviews': {
    as: 'clerk',
    path: '/api/registry/exit-applications/1/reviews',
    body: { decision: 'approve', version: 1 },
    expect: 403,
  },
  'GET /api/registry/duplicates': {
    as: 'clerk',
    path: `/api/registry/duplicates?unit=${XINFU}`,
    expect: 403,
  },
  'POST /api/registry/duplicates/{id}/decisions': {
    as: 'clerk',
    path: '/api/registry/duplicates/1/decisions',
    body: { decision: 'keep_existing', reason: '越权测试', version: 1 },
    expect: 403,
  },
  'GET /api/registry/relocations': { as: 'clerk', path: `/api/registry/relocations?unit=${XINFU}`, expect: 403 },
  'POST /api/registry/relocations': {
    as: 'clerk',
    path: '/api/registry/relocations',
    body: {
      name: '越权测试',
      destinationVillageCode: '140902001002',
      originVillageCodes: ['140902001003'],
      movedOn: '2018-05-01',
      households: 1,
      persons: 1,
      housingAreaM2: 20,
    },
    expect: 403,
  },
  'POST /api/registry/imports': { as: 'clerk', path: '/api/registry/imports', body: {}, expect: 403 },
  'GET /api/registry/export': { as: 'clerk', path: `/api/registry/export?unit=${XINFU}`, expect: 403 },
  'PUT /api/registry/rural-population': {
    as: 'clerk',
    path: '/api/registry/rural-population',
    body: { villageCode: '140902001002', year: 2020, population: 1 },
    expect: 403,
  },
};
