import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from './support/app.ts';
import { PROBED_REPORT, PROBED_TASK, routeProbes } from './route-probes.ts';
import { registerHousehold } from '../src/modules/registry/register-household.ts';
import { submitReport } from '../src/modules/tasks/reports.ts';
import { actOnTask, createTask } from '../src/modules/tasks/service.ts';

const t = useTestApp();
const operations: { key: string; method: string; path: string }[] = [];
let clients: Record<'clerk' | 'auditor' | 'leader', ApiClient>;

beforeAll(async () => {
  const spec = await t.anonymous().get('/api/openapi.json');
  for (const [path, item] of Object.entries(spec.body.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
        operations.push({ key: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path });
      }
    }
  }
  clients = {
    clerk: await t.signIn({ role: 'clerk', scopes: ['140929'] }),
    auditor: await t.signIn({ role: 'auditor', scopes: ['140929'] }),
    leader: await t.signIn({ role: 'leader', scopes: ['140929'] }),
  };
  // Registry probes try household 1, which lies outside Kelan (in Xinfu).
  await registerHousehold(t.system, {
    villageCode: '140902001002',
    members: [{ name: '忻府户主', idNumber: '11010519491231002X', relation: 'head' }],
  });
  // Task probes act on a real task and report that no Kelan unit has a part in.
  const task = await createTask(t.system, {
    title: '忻府区任务',
    description: '',
    responsibleLeader: '忻府区长',
    priority: 'normal',
    reportCadence: 'none',
    startOn: '2024-06-01',
    deadline: '2024-12-31',
    milestones: [],
    issuerUnit: '1409',
    leadUnit: '140902',
    cooperatingUnits: ['140981'],
    supervisingUnit: '1409',
    issue: true,
  });
  const acknowledged = await actOnTask(t.system, { id: task.id, action: 'acknowledge', version: task.version });
  const report = await submitReport(t.system, {
    id: task.id,
    kind: 'progress',
    percent: 10,
    narrative: '忻府区进展',
    figures: [],
    files: [],
    idempotencyKey: 'probed-report',
  });
  expect([acknowledged.id, report.id]).toEqual([PROBED_TASK, PROBED_REPORT]);
});

function fill(path: string): string {
  return path.replace('{code}', '140902').replace('{id}', '1');
}

describe('authorization over every route of the OpenAPI document', () => {
  it('finds the routes', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it('declares a guard on every route', () => {
    const missing = operations.filter(
      (op) => !t.app.routeGuards.has(`${op.method} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(missing.map((op) => op.key)).toEqual([]);
  });

  it('has an out-of-scope probe for every route, and none for routes that no longer exist', () => {
    const keys = operations.map((op) => op.key);
    expect(keys.filter((key) => !(key in routeProbes))).toEqual([]);
    expect(Object.keys(routeProbes).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('turns anonymous callers away from every non-public route with 401', async () => {
    for (const op of operations) {
      if (routeProbes[op.key] === 'public') continue;
      const response = await t.anonymous().request(op.method, fill(op.path), op.method === 'GET' ? undefined : {});
      expect({ route: op.key, status: response.status, code: response.body?.code }).toEqual({
        route: op.key,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('refuses a Kelan-scoped user everything outside Kelan, through every route', async () => {
    for (const op of operations) {
      const probe = routeProbes[op.key];
      if (probe === undefined || probe === 'public' || probe === 'self') continue;
      const response = await clients[probe.as].request(op.method, probe.path, probe.body);
      if (probe.expect === 403) {
        expect({ route: op.key, status: response.status }).toEqual({ route: op.key, status: 403 });
        expect(['PERMISSION_DENIED', 'OUT_OF_SCOPE']).toContain(response.body.code);
      } else {
        probe.expect(response);
      }
    }
  });

  it('lets the same user read its own county', async () => {
    const kelan = await clients.clerk.get('/api/org-units/140929');
    expect(kelan.status).toBe(200);
    const children = await clients.clerk.get('/api/org-units/140929/children');
    expect(children.body.items.length).toBeGreaterThan(0);
    const tops = await clients.clerk.get('/api/org-units');
    expect(tops.body.items.map((u: { shortCode: string }) => u.shortCode)).toEqual(['140929']);
    const ancestors = await clients.clerk.get('/api/org-units/140929100/ancestors');
    expect(ancestors.body.items.map((u: { shortCode: string }) => u.shortCode)).toEqual(['140929', '140929100']);
  });
});
