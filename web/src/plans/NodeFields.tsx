import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import type { PlanNode } from '../loop/types.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { decisionsQuery } from './plan-queries.ts';

export type NodeFormValues = {
  number: string;
  title: string;
  description?: string;
  ownerUnits?: string[];
  indicatorCodes?: string[];
  yearlyTargets?: { year: number; target: string }[];
  decisionId?: string;
};

export function nodeFormValues(node: PlanNode): NodeFormValues {
  return {
    number: node.number,
    title: node.title,
    description: node.description,
    ownerUnits: node.ownerUnits.map((unit) => unit.code),
    indicatorCodes: node.indicatorCodes,
    yearlyTargets: Object.entries(node.yearlyTargets).map(([year, target]) => ({ year: Number(year), target })),
    ...(node.decisionId ? { decisionId: node.decisionId } : {}),
  };
}

function nodeBody(values: NodeFormValues) {
  return {
    number: values.number,
    title: values.title,
    description: values.description ?? '',
    ownerUnits: values.ownerUnits ?? [],
    indicatorCodes: values.indicatorCodes ?? [],
    yearlyTargets: Object.fromEntries((values.yearlyTargets ?? []).map((row) => [String(row.year), row.target])),
    ...(values.decisionId ? { decisionId: values.decisionId } : {}),
  };
}

/** The number a new node would take: the next after its last sibling (1, 2 … or 3.1, 3.2 …). */
export function nextNumber(parent: PlanNode | undefined, roots: readonly PlanNode[]): string {
  const siblings = parent ? parent.children : roots;
  const last = siblings.at(-1)?.number.split('.').at(-1);
  const next = last && /^\d+$/.test(last) ? Number(last) + 1 : siblings.length + 1;
  return parent ? `${parent.number}.${next}` : String(next);
}

/** Adds a node under `parentId` (or at the top), or amends `node` with the version it was read at. */
export function useSaveNode(planId: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { values: NodeFormValues; parentId?: string; node?: PlanNode }) =>
      input.node
        ? dataOf(
            api.PUT('/api/plan-nodes/{id}', {
              params: { path: { id: input.node.id } },
              body: { ...nodeBody(input.values), version: input.node.version },
            }),
          )
        : dataOf(
            api.POST('/api/plans/{id}/nodes', {
              params: { path: { id: planId ?? '' } },
              body: { ...nodeBody(input.values), ...(input.parentId ? { parentId: input.parentId } : {}) },
            }),
          ),
    // Not awaited: the form that saved closes first. Awaited, the refreshed tree showed the new node while the
    // form was still open, and an "add" clicked in that moment opened a form the closing one then took away.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

/** A node's fields: number, title, description, owner units, linked indicators, yearly targets, decision. */
export function NodeFields({ known }: { known?: PlanNode['ownerUnits'] }) {
  const { t } = useTranslation();
  const decisions = useQuery(decisionsQuery);
  return (
    <>
      <Flex gap={8}>
        <Form.Item name="number" label={t('loop.plans.number')} rules={[{ required: true }]} style={{ width: 110 }}>
          <Input placeholder="3.2" />
        </Form.Item>
        <Form.Item name="title" label={t('loop.plans.nodeTitle')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="description" label={t('loop.plans.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="ownerUnits" label={t('loop.plans.owners')}>
        <OrgUnitSelect multiple known={known ?? []} />
      </Form.Item>
      <Form.Item name="indicatorCodes" label={t('loop.plans.indicators')}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="GDP, GOOD_AIR_DAYS" />
      </Form.Item>
      <Form.Item label={t('loop.plans.targets')}>
        <Form.List name="yearlyTargets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key}>
                  <Form.Item name={[field.name, 'year']} noStyle rules={[{ required: true }]}>
                    <InputNumber min={2000} max={2100} placeholder={t('loop.scheme.year')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'target']} noStyle rules={[{ required: true }]}>
                    <Input placeholder={t('loop.plans.targetPlaceholder')} style={{ width: 220 }} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ year: new Date().getFullYear(), target: '' })}
              >
                {t('loop.plans.addTarget')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="decisionId" label={t('loop.plans.decision')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(decisions.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.decidedOn} ${d.title}` }))}
        />
      </Form.Item>
    </>
  );
}
