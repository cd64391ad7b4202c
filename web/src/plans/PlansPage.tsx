import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Select, Tag, Tree, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';

/** The tree's recursive node, which the generated schema leaves untyped. */
type Node = {
  id: string;
  number: string;
  title: string;
  ownerUnits: { code: string; name: string }[];
  indicatorCodes: string[];
  yearlyTargets: Record<string, string>;
  taskCount: number;
  children: Node[];
};
type NodeValues = { number: string; title: string; indicatorCodes?: string };

type TreeNode = { key: string; title: ReactNode; children: TreeNode[] };

function toTree(nodes: readonly Node[]): TreeNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: (
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
    ),
    children: toTree(node.children),
  }));
}

/** The plan tree editor: any depth, a node added under the one selected. */
export function PlansPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ['plans'], queryFn: () => dataOf(api.GET('/api/plans')) });
  const [chosen, setChosen] = useState<string>();
  const planId = chosen ?? list.data?.items[0]?.id;
  const plan = useQuery({
    queryKey: ['plans', planId],
    queryFn: () => dataOf(api.GET('/api/plans/{id}', { params: { path: { id: planId ?? '' } } })),
    enabled: planId !== undefined,
  });
  const [parent, setParent] = useState<string>();
  const [form] = Form.useForm<NodeValues>();
  const errors = useServerErrors(form);
  const add = useMutation({
    mutationFn: (values: NodeValues) =>
      dataOf(
        api.POST('/api/plans/{id}/nodes', {
          params: { path: { id: planId ?? '' } },
          body: {
            number: values.number,
            title: values.title,
            indicatorCodes: values.indicatorCodes ? values.indicatorCodes.split(/[,，\s]+/).filter(Boolean) : [],
            ...(parent ? { parentId: parent } : {}),
          },
        }),
      ),
    onSuccess: () => {
      form.resetFields();
      return client.invalidateQueries({ queryKey: ['plans'] });
    },
    onError: errors.report,
  });
  return (
    <Flex gap={12} align="start">
      <Card
        style={{ flex: 2 }}
        title={
          <Select
            style={{ width: 360 }}
            value={planId}
            onChange={setChosen}
            options={(list.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.title}${p.framework ? `（${p.framework}）` : ''}`,
            }))}
          />
        }
      >
        {plan.data && (
          <Tree
            defaultExpandAll
            treeData={toTree(plan.data.nodes as Node[])}
            selectedKeys={parent ? [parent] : []}
            onSelect={(keys) => setParent(keys[0] as string | undefined)}
          />
        )}
      </Card>
      <Card style={{ flex: 1 }} title={t('loop.plans.addNode')}>
        <Form form={form} layout="vertical" onValuesChange={errors.clear} onFinish={(values) => add.mutate(values)}>
          <FormErrorAlert error={errors.error} />
          <Typography.Paragraph type="secondary">
            {parent ? t('loop.plans.under') : t('loop.plans.atTop')}
          </Typography.Paragraph>
          <Form.Item name="number" label={t('loop.plans.number')} rules={[{ required: true }]}>
            <Input placeholder="4.3" />
          </Form.Item>
          <Form.Item name="title" label={t('loop.task.title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="indicatorCodes" label={t('loop.plans.indicators')}>
            <Input placeholder="GDP, GOOD_AIR_DAYS" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} disabled={!planId}>
            {t('loop.plans.addNode')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
