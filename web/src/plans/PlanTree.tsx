import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Tree,
  type TreeProps,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, dataOf } from '../api/client.ts';
import { useCan } from '../auth/session-queries.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { FormModal } from '../forms/FormModal.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import type { PlanNode } from '../loop/types.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { NodeFields, type NodeFormValues, nextNumber, nodeFormValues, useSaveNode } from './NodeFields.tsx';
import { decisionsQuery, flatten, nodesOf, planQuery, plansQuery } from './plan-queries.ts';

type TreeNode = { key: string; title: ReactNode; children: TreeNode[] };

function NodeTitle({ node }: { node: PlanNode }) {
  return (
    <span>
      <Typography.Text strong>{node.number}</Typography.Text> {node.title}{' '}
      {node.ownerUnits.map((u) => (
        <Tag key={u.code}>{u.name}</Tag>
      ))}
      {node.indicatorCodes.map((code) => (
        <Tag key={code} color="blue">
          {code}
        </Tag>
      ))}
      {Object.entries(node.yearlyTargets).map(([year, target]) => (
        <Tag key={year} color="gold">{`${year}：${target}`}</Tag>
      ))}
      {node.taskCount > 0 && <Tag color="green">{node.taskCount}</Tag>}
    </span>
  );
}

function toTree(nodes: readonly PlanNode[]): TreeNode[] {
  return nodes.map((node) => ({ key: node.id, title: <NodeTitle node={node} />, children: toTree(node.children) }));
}

/** What dropping a node somewhere in the tree asks the server: a new parent, and the sibling to go before. */
function dropTarget(
  info: Parameters<NonNullable<TreeProps['onDrop']>>[0],
  byId: ReadonlyMap<string, PlanNode>,
  roots: readonly PlanNode[],
): { parentId: string | null; beforeId: string | null } {
  const target = byId.get(String(info.node.key));
  if (!target) return { parentId: null, beforeId: null };
  // Dropped onto the node itself: it becomes its first child.
  if (!info.dropToGap) return { parentId: target.id, beforeId: target.children[0]?.id ?? null };
  // antd counts the drop position among the target's siblings: one less than the target's index means before it.
  const index = Number(info.node.pos.split('-').at(-1));
  const siblings = (target.parentId ? byId.get(target.parentId)?.children : roots) ?? [];
  const dragged = String(info.dragNode.key);
  const next = siblings.slice(index + 1).find((sibling) => sibling.id !== dragged);
  const before = info.dropPosition < index ? target : next;
  const beforeId = before && before.id !== dragged ? before.id : null;
  return { parentId: target.parentId, beforeId };
}

type PlanValues = { unit: string; title: string; framework?: string; description?: string; decisionId?: string };

function NewPlanModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const decisions = useQuery({ ...decisionsQuery, enabled: open });
  return (
    <FormModal<PlanValues, { id: string }>
      open={open}
      title={t('loop.plans.newPlan')}
      submit={(values) =>
        dataOf(api.POST('/api/plans', { body: { ...values, description: values.description ?? '' } }))
      }
      onSaved={async (plan) => {
        await client.invalidateQueries({ queryKey: ['plans'] });
        onCreated(plan.id);
      }}
      onClose={onClose}
    >
      <Form.Item name="unit" label={t('loop.plans.unit')} rules={[{ required: true }]}>
        <OrgUnitSelect />
      </Form.Item>
      <Form.Item name="title" label={t('loop.plans.planTitle')} rules={[{ required: true, min: 2 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="framework" label={t('loop.plans.framework')}>
        <Input placeholder="1335" />
      </Form.Item>
      <Form.Item name="description" label={t('loop.plans.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="decisionId" label={t('loop.plans.decision')}>
        <Select
          allowClear
          options={(decisions.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.decidedOn} ${d.title}` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** The form beside the tree: edits the chosen node, or adds one under it (or at the top). */
function NodeEditor({
  planId,
  roots,
  node,
  adding,
  onDone,
}: {
  planId: string;
  roots: readonly PlanNode[];
  node: PlanNode | undefined;
  /** Adding a node under `node` (at the top when there is none) instead of editing it. */
  adding: boolean;
  onDone: (selected: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<NodeFormValues>();
  const errors = useServerErrors(form);
  const save = useSaveNode(planId);
  const remove = useMutation({
    mutationFn: (target: PlanNode) =>
      dataOf(
        api.DELETE('/api/plan-nodes/{id}', {
          params: { path: { id: target.id }, query: { version: target.version } },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['plans'] });
      onDone(undefined);
    },
    onError: errors.report,
  });
  const editing = !adding && node !== undefined;
  return (
    <Card
      style={{ flex: 1, minWidth: 380 }}
      title={
        editing
          ? t('loop.plans.editNode', { number: node.number })
          : node
            ? t('loop.plans.addUnder', { number: node.number })
            : t('loop.plans.addTop')
      }
      extra={
        editing && (
          <Popconfirm
            title={t('loop.plans.deleteConfirm', { number: node.number })}
            onConfirm={() => remove.mutate(node)}
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
              {t('loop.plans.delete')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Form<NodeFormValues>
        form={form}
        layout="vertical"
        initialValues={editing ? nodeFormValues(node) : { number: nextNumber(node, roots), yearlyTargets: [] }}
        onValuesChange={errors.clear}
        onFinish={(values) =>
          save.mutate(editing ? { values, node } : { values, ...(node ? { parentId: node.id } : {}) }, {
            onSuccess: () => onDone(editing ? node.id : node?.id),
            onError: errors.report,
          })
        }
      >
        <FormErrorAlert error={errors.error} onReload={() => void client.invalidateQueries({ queryKey: ['plans'] })} />
        <NodeFields known={node?.ownerUnits} />
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {editing ? t('common.save') : t('loop.plans.addNode')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * The plan tree editor: any depth, numbered; select a node to edit or delete it or to add under it, drag a
 * node (with its subtree) to move it. The table export lists every node with its owners, indicators and targets.
 */
export function PlanTree() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const canManage = useCan('plans.manage');
  const list = useQuery(plansQuery);
  // A link from a decision names the plan and node to show.
  const [params] = useSearchParams();
  const [chosen, setChosen] = useState(params.get('plan') ?? undefined);
  const planId = chosen ?? list.data?.items[0]?.id;
  const plan = useQuery({ ...planQuery(planId ?? ''), enabled: planId !== undefined });
  const [selected, setSelected] = useState(params.get('node') ?? undefined);
  const [adding, setAdding] = useState(false);
  const [creating, setCreating] = useState(false);
  // Nodes are open unless closed by hand, so a node just added shows under its parent.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const roots = nodesOf(plan.data);
  const all = flatten(roots);
  const byId = new Map(all.map((node) => [node.id, node]));
  const node = selected ? byId.get(selected) : undefined;
  const move = useMutation({
    mutationFn: (input: { node: PlanNode; parentId: string | null; beforeId: string | null }) =>
      dataOf(
        api.POST('/api/plan-nodes/{id}/move', {
          params: { path: { id: input.node.id } },
          body: { parentId: input.parentId, beforeId: input.beforeId, version: input.node.version },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['plans'] }),
  });
  const exportColumns = [
    { title: t('loop.plans.number'), value: (n: PlanNode) => n.number },
    { title: t('loop.plans.nodeTitle'), value: (n: PlanNode) => n.title },
    { title: t('loop.plans.owners'), value: (n: PlanNode) => n.ownerUnits.map((u) => u.name).join('、') },
    { title: t('loop.plans.indicators'), value: (n: PlanNode) => n.indicatorCodes.join(', ') },
    {
      title: t('loop.plans.targets'),
      value: (n: PlanNode) =>
        Object.entries(n.yearlyTargets)
          .map(([year, target]) => `${year}：${target}`)
          .join('；'),
    },
    { title: t('loop.plans.tasks'), value: (n: PlanNode) => n.taskCount },
    { title: t('loop.plans.description'), value: (n: PlanNode) => n.description },
  ];
  return (
    <Flex gap={12} align="start" wrap>
      <Card
        style={{ flex: 2, minWidth: 480 }}
        title={
          <Space>
            <Select
              aria-label={t('loop.plans.plan')}
              style={{ width: 360 }}
              value={planId}
              onChange={(id) => {
                setChosen(id);
                setSelected(undefined);
              }}
              options={(list.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${p.title}${p.framework ? `（${p.framework}）` : ''}`,
              }))}
            />
            {canManage && (
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('loop.plans.newPlan')}
              </Button>
            )}
          </Space>
        }
        extra={plan.data && <ExportButton name={plan.data.title} columns={exportColumns} rows={all} />}
      >
        {plan.data?.description && (
          <Typography.Paragraph type="secondary">{plan.data.description}</Typography.Paragraph>
        )}
        {move.error && (
          <Typography.Text type="danger" role="alert">
            {move.error.message}
          </Typography.Text>
        )}
        {roots.length === 0 ? (
          <Empty description={t('loop.plans.empty')} />
        ) : (
          <Tree
            expandedKeys={all.filter((n) => !collapsed.has(n.id)).map((n) => n.id)}
            onExpand={(keys) => setCollapsed(new Set(all.map((n) => n.id).filter((id) => !keys.includes(id))))}
            blockNode
            draggable={canManage}
            treeData={toTree(roots)}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => {
              setSelected(keys[0] as string | undefined);
              setAdding(false);
            }}
            onDrop={(info) => {
              const dragged = byId.get(String(info.dragNode.key));
              if (dragged) move.mutate({ node: dragged, ...dropTarget(info, byId, roots) });
            }}
          />
        )}
        {canManage && planId && (
          <Space style={{ marginTop: 12 }}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                setSelected(undefined);
                setAdding(true);
              }}
            >
              {t('loop.plans.addTop')}
            </Button>
            {node && (
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('loop.plans.addUnder', { number: node.number })}
              </Button>
            )}
          </Space>
        )}
      </Card>
      {canManage && planId && (node || adding) && (
        <NodeEditor
          // A form takes its initial values once: a new node, version or mode is a new form.
          key={`${node?.id ?? 'top'}-${node?.version ?? 0}-${adding}`}
          planId={planId}
          roots={roots}
          node={node}
          adding={adding}
          onDone={(id) => {
            setSelected(id);
            setAdding(false);
          }}
        />
      )}
      <NewPlanModal open={creating} onClose={() => setCreating(false)} onCreated={setChosen} />
    </Flex>
  );
}
