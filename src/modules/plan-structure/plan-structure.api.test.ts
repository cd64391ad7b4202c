import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, useTestApp } from '../../../test/support/app.ts';
import { CITY, KELAN, taskBody } from '../../../test/support/loop.ts';

const t = useTestApp();
let leader: ApiClient;
let county: ApiClient;

type Node = { id: string; number: string; version: number; children: Node[] };

beforeAll(async () => {
  leader = await t.signIn({ role: 'leader', scopes: [CITY] });
  county = await t.signIn({ role: 'leader', scopes: [KELAN] });
});

/** A plan 1 (1.1, 1.2), 2 — answering the plan id and the nodes by number. */
async function samplePlan() {
  const created = await leader.post('/api/plans', { unit: CITY, title: '“1335”发展布局', framework: '1335' });
  const planId: string = created.body.id;
  const add = async (number: string, parentId?: string) => {
    const plan = await leader.post(`/api/plans/${planId}/nodes`, { number, title: `节点 ${number}`, parentId });
    expect(plan.status).toBe(201);
  };
  await add('1');
  await add('2');
  const first = (await leader.get(`/api/plans/${planId}`)).body.nodes[0] as Node;
  await add('1.1', first.id);
  await add('1.2', first.id);
  return { planId, byNumber: await nodesByNumber(planId) };
}

async function nodesByNumber(planId: string): Promise<Record<string, Node>> {
  const plan = await leader.get(`/api/plans/${planId}`);
  const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  return Object.fromEntries(flat(plan.body.nodes).map((n) => [n.number, n]));
}

const shape = (nodes: Node[]): unknown => nodes.map((n) => [n.number, shape(n.children)]);

describe('moving and deleting plan nodes', () => {
  it('moves a subtree under another parent, before a sibling, and back to the top', async () => {
    const { byNumber } = await samplePlan();
    const one = byNumber['1'] as Node;
    const two = byNumber['2'] as Node;
    const under = await leader.post(`/api/plan-nodes/${one.id}/move`, { parentId: two.id, version: one.version });
    expect(under.status).toBe(200);
    expect(shape(under.body.nodes)).toEqual([
      [
        '2',
        [
          [
            '1',
            [
              ['1.1', []],
              ['1.2', []],
            ],
          ],
        ],
      ],
    ]);

    const twelve = byNumber['1.2'] as Node;
    const eleven = byNumber['1.1'] as Node;
    const front = await leader.post(`/api/plan-nodes/${twelve.id}/move`, {
      parentId: one.id,
      beforeId: eleven.id,
      version: twelve.version,
    });
    expect(shape(front.body.nodes)).toEqual([
      [
        '2',
        [
          [
            '1',
            [
              ['1.2', []],
              ['1.1', []],
            ],
          ],
        ],
      ],
    ]);

    const top = await leader.post(`/api/plan-nodes/${one.id}/move`, {
      parentId: null,
      beforeId: two.id,
      version: one.version + 1,
    });
    expect(shape(top.body.nodes)).toEqual([
      [
        '1',
        [
          ['1.2', []],
          ['1.1', []],
        ],
      ],
      ['2', []],
    ]);
  });

  it('refuses a move under the node itself or its own subtree, a stale version, and a stranger', async () => {
    const { byNumber } = await samplePlan();
    const one = byNumber['1'] as Node;
    const eleven = byNumber['1.1'] as Node;
    const cycle = await leader.post(`/api/plan-nodes/${one.id}/move`, { parentId: eleven.id, version: one.version });
    expect(cycle.status).toBe(422);
    expect(cycle.body.code).toBe('PLAN_NODE_MOVE_INTO_ITSELF');
    const stale = await leader.post(`/api/plan-nodes/${one.id}/move`, { parentId: null, version: one.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const stranger = await county.post(`/api/plan-nodes/${one.id}/move`, { parentId: null, version: one.version });
    expect(stranger.status).toBe(404);
    expect(stranger.body.code).toBe('PLAN_NODE_NOT_FOUND');
  });

  it('deletes a node with its subtree, but not while a task serves one of them', async () => {
    const { planId, byNumber } = await samplePlan();
    const one = byNumber['1'] as Node;
    const eleven = byNumber['1.1'] as Node;
    const issued = await leader.post('/api/tasks', taskBody({ planNodeId: eleven.id }));
    expect(issued.status).toBe(201);
    const refused = await leader.request('DELETE', `/api/plan-nodes/${one.id}?version=${one.version}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PLAN_NODE_HAS_TASKS');
    expect(refused.body.message).toContain('1');
    expect(Object.keys(await nodesByNumber(planId))).toHaveLength(4);

    const two = byNumber['2'] as Node;
    const stale = await leader.request('DELETE', `/api/plan-nodes/${two.id}?version=${two.version + 1}`);
    expect(stale.status).toBe(409);
    const deleted = await leader.request('DELETE', `/api/plan-nodes/${two.id}?version=${two.version}`);
    expect(deleted.status).toBe(200);
    expect(shape(deleted.body.nodes)).toEqual([
      [
        '1',
        [
          ['1.1', []],
          ['1.2', []],
        ],
      ],
    ]);
    const audit = await t.system.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'plan_node')
      .where('entity_id', '=', two.id)
      .execute();
    expect(audit.map((row) => row.action)).toContain('plans.node_deleted');
  });
});
