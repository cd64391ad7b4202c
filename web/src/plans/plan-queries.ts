import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { api, dataOf } from '../api/client.ts';
import type { PlanNode } from '../loop/types.ts';

export const plansQuery = queryOptions({
  queryKey: ['plans', 'list'],
  queryFn: () => dataOf(api.GET('/api/plans')),
});

export const planQuery = (id: string) =>
  queryOptions({
    queryKey: ['plans', 'one', id],
    queryFn: () => dataOf(api.GET('/api/plans/{id}', { params: { path: { id } } })),
  });

export const decisionsQuery = queryOptions({
  queryKey: ['plans', 'decisions'],
  queryFn: () => dataOf(api.GET('/api/decisions')),
});

export const decisionQuery = (id: string) =>
  queryOptions({
    queryKey: ['plans', 'decision', id],
    queryFn: () => dataOf(api.GET('/api/decisions/{id}', { params: { path: { id } } })),
  });

/** The generated schema leaves the recursive tree untyped; the server's Zod schema guarantees this shape. */
export function nodesOf(plan: { nodes: unknown[] } | undefined): PlanNode[] {
  return (plan?.nodes ?? []) as PlanNode[];
}

export function flatten(nodes: readonly PlanNode[]): PlanNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

type TreeOption = { value: string; title: string; selectable?: boolean; children: TreeOption[] };

function nodeOptions(nodes: readonly PlanNode[]): TreeOption[] {
  return nodes.map((node) => ({
    value: node.id,
    title: `${node.number} ${node.title}`,
    children: nodeOptions(node.children),
  }));
}

/**
 * Every plan in scope as a tree of its nodes, for choosing the node a task serves or a decision amends, and
 * each node with the plan it belongs to. A plan itself is offered as `plan-<id>` (its top level).
 */
export function usePlanNodes(enabled: boolean): {
  options: TreeOption[];
  byId: Map<string, { node: PlanNode; planId: string }>;
} {
  const list = useQuery({ ...plansQuery, enabled });
  const plans = useQueries({
    queries: (enabled ? (list.data?.items ?? []) : []).map((plan) => planQuery(plan.id)),
  });
  const byId = new Map<string, { node: PlanNode; planId: string }>();
  const options: TreeOption[] = [];
  for (const { data } of plans) {
    if (!data) continue;
    for (const node of flatten(nodesOf(data))) byId.set(node.id, { node, planId: data.id });
    options.push({
      value: `plan-${data.id}`,
      title: data.title,
      selectable: false,
      children: nodeOptions(nodesOf(data)),
    });
  }
  return { options, byId };
}
