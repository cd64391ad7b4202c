import { expect } from 'vitest';
import type { ApiResponse } from './support/app.ts';

/**
 * How each route is tried by a user scoped to Kelan County (140929) against something outside Kelan.
 * Every route in the OpenAPI document needs an entry here: the authorization test fails on a route without
 * one, so a new module cannot ship a route nobody tried to break into.
 */
export type Probe = {
  /** Which Kelan-scoped account tries: a data clerk, or an auditor (who may read the audit trail). */
  as: 'clerk' | 'auditor';
  /** The concrete request: path parameters and query filled in with out-of-scope values. */
  path: string;
  body?: unknown;
  /** 403 for a refusal; or a check that the answer leaks nothing from outside the scope. */
  expect: 403 | ((response: ApiResponse) => void);
};

const XINFU = '140902'; // 忻府区, a sibling county of Kelan
const dated = { effectiveOn: '2020-01-01', reason: '越权测试', version: 1 };

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

  // Registry: household 1 is created outside Kelan by the authorization test.
  'GET /api/registry/stats': { as: 'clerk', path: `/api/registry/stats?unit=${XINFU}&year=2018`, expect: 403 },
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
