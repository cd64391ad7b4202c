import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Switch, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { toDay } from '../common/dates.ts';
import { FormModal } from '../forms/FormModal.tsx';
import type { TaskDetail } from '../loop/types.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { decisionsQuery, usePlanNodes } from '../plans/plan-queries.ts';

type Values = {
  title: string;
  description: string;
  issuerUnit: string;
  leadUnit: string;
  cooperatingUnits: string[];
  supervisingUnit: string;
  responsibleLeader: string;
  priority: 'high' | 'normal' | 'low';
  reportCadence: 'none' | 'weekly' | 'monthly' | 'quarterly';
  span: [Dayjs, Dayjs];
  milestones: { title: string; dueOn: Dayjs; weight: number }[];
  decisionId?: string;
  planNodeId?: string;
  issue: boolean;
};

/** What a new task starts from: a decision or plan node it comes from, and the issuing unit. */
export type TaskSeed = { decisionId?: string; planNodeId?: string; issuerUnit?: string };

function initialValues(task: TaskDetail | undefined, seed: TaskSeed): Partial<Values> {
  if (task)
    return {
      title: task.title,
      description: task.description,
      responsibleLeader: task.responsibleLeader,
      priority: task.priority,
      span: [dayjs(task.startOn), dayjs(task.deadline)],
      milestones: task.milestones.map((m) => ({ ...m, dueOn: dayjs(m.dueOn) })),
    };
  return {
    priority: 'normal',
    reportCadence: 'none',
    cooperatingUnits: [],
    milestones: [],
    issue: false,
    ...seed,
  };
}

/**
 * Issues a task (lead, co-operating and supervising units, leader, deadline, weighted milestones, cadence,
 * the decision and plan node it comes from), or amends a draft: the server allows only what the state
 * machine allows and names every problem (e.g. a milestone after the deadline).
 */
export function TaskFormModal({
  open,
  task,
  seed = {},
  onClose,
  onSaved,
}: {
  open: boolean;
  /** A draft to amend; without it a new task is drafted or issued. */
  task?: TaskDetail;
  seed?: TaskSeed;
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const decisions = useQuery({ ...decisionsQuery, enabled: open && !task });
  const planNodes = usePlanNodes(open && !task).options;
  const save = (values: Values) => {
    const common = {
      title: values.title,
      description: values.description ?? '',
      responsibleLeader: values.responsibleLeader,
      priority: values.priority,
      startOn: toDay(values.span[0]),
      deadline: toDay(values.span[1]),
      milestones: (values.milestones ?? []).map((m) => ({ ...m, dueOn: toDay(m.dueOn) })),
    };
    if (task)
      return dataOf(
        api.PATCH('/api/tasks/{id}', {
          params: { path: { id: task.id } },
          body: { ...common, version: task.version },
        }),
      );
    return dataOf(
      api.POST('/api/tasks', {
        body: {
          ...common,
          issuerUnit: values.issuerUnit,
          leadUnit: values.leadUnit,
          cooperatingUnits: values.cooperatingUnits ?? [],
          supervisingUnit: values.supervisingUnit,
          reportCadence: values.reportCadence,
          issue: values.issue,
          ...(values.decisionId ? { decisionId: values.decisionId } : {}),
          ...(values.planNodeId ? { planNodeId: values.planNodeId } : {}),
        },
      }),
    );
  };
  return (
    <FormModal<Values, TaskDetail>
      open={open}
      width={820}
      title={task ? t('loop.taskForm.amend') : t('loop.taskForm.new')}
      okText={t('common.save')}
      initialValues={initialValues(task, seed)}
      submit={save}
      onSaved={async (saved) => {
        await Promise.all(
          ['tasks', 'plans', 'supervision'].map((key) => client.invalidateQueries({ queryKey: [key] })),
        );
        onSaved?.(saved.id);
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('loop.task.title')} rules={[{ required: true, min: 2 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('loop.taskForm.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {!task && (
        <Flex gap={8}>
          <Form.Item
            name="issuerUnit"
            label={t('loop.taskForm.issuer')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <OrgUnitSelect />
          </Form.Item>
          <Form.Item name="leadUnit" label={t('loop.task.lead')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <OrgUnitSelect />
          </Form.Item>
          <Form.Item
            name="supervisingUnit"
            label={t('loop.task.supervising')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <OrgUnitSelect />
          </Form.Item>
        </Flex>
      )}
      {!task && (
        <Form.Item name="cooperatingUnits" label={t('loop.task.cooperating')}>
          <OrgUnitSelect multiple />
        </Form.Item>
      )}
      <Flex gap={8} wrap>
        <Form.Item name="responsibleLeader" label={t('loop.task.leader')} rules={[{ required: true }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="span" label={t('loop.taskForm.span')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="priority" label={t('loop.taskForm.priority')}>
          <Select
            style={{ width: 100 }}
            options={(['high', 'normal', 'low'] as const).map((value) => ({
              value,
              label: t(`loop.taskForm.priorities.${value}`),
            }))}
          />
        </Form.Item>
        {!task && (
          <Form.Item name="reportCadence" label={t('loop.taskForm.cadence')}>
            <Select
              style={{ width: 110 }}
              options={(['none', 'weekly', 'monthly', 'quarterly'] as const).map((value) => ({
                value,
                label: t(`loop.taskForm.cadences.${value}`),
              }))}
            />
          </Form.Item>
        )}
      </Flex>
      <Form.Item label={t('loop.taskForm.milestones')}>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Space key={field.key}>
                  <Form.Item name={[field.name, 'title']} noStyle rules={[{ required: true }]}>
                    <Input placeholder={t('loop.taskForm.milestone')} style={{ width: 280 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} noStyle rules={[{ required: true }]}>
                    <DatePicker placeholder={t('loop.taskForm.dueOn')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} noStyle rules={[{ required: true }]}>
                    <InputNumber placeholder={t('loop.taskForm.weight')} min={0.01} max={1000} />
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', weight: 1 })}>
                {t('loop.taskForm.addMilestone')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      {!task && (
        <Flex gap={8}>
          <Form.Item name="decisionId" label={t('loop.task.decision')} style={{ flex: 1 }}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(decisions.data?.items ?? []).map((d) => ({
                value: d.id,
                label: `${d.decidedOn} ${d.title}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="planNodeId" label={t('loop.task.planNode')} style={{ flex: 1 }}>
            <TreeSelect
              allowClear
              treeData={planNodes}
              treeDefaultExpandAll={false}
              showSearch
              treeNodeFilterProp="title"
            />
          </Form.Item>
        </Flex>
      )}
      {!task && (
        <Form.Item name="issue" label={t('loop.taskForm.issueNow')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
