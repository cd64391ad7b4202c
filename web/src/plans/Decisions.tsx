import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, dataOf } from '../api/client.ts';
import { useCan } from '../auth/session-queries.ts';
import { toDay } from '../common/dates.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { FormModal } from '../forms/FormModal.tsx';
import { EvidenceUpload, FileLinks } from '../loop/EvidenceUpload.tsx';
import type { Decision } from '../loop/types.ts';
import type { FileRef } from '../loop/upload.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { TaskFormModal } from '../tasks/TaskForm.tsx';
import { NodeFields, type NodeFormValues, nodeFormValues, useSaveNode } from './NodeFields.tsx';
import { decisionQuery, decisionsQuery, usePlanNodes } from './plan-queries.ts';

type DecisionValues = {
  unit: string;
  kind: 'meeting' | 'document';
  title: string;
  decidedOn: Dayjs;
  body?: string;
  files: FileRef[];
};

function DecisionFormModal({
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
  return (
    <FormModal<DecisionValues, Decision>
      open={open}
      width={720}
      title={t('loop.decisions.record')}
      initialValues={{ kind: 'meeting', decidedOn: dayjs(), files: [] }}
      submit={(values) =>
        dataOf(
          api.POST('/api/decisions', {
            body: { ...values, body: values.body ?? '', decidedOn: toDay(values.decidedOn) },
          }),
        )
      }
      onSaved={async (decision) => {
        await client.invalidateQueries({ queryKey: ['plans'] });
        onCreated(decision.id);
      }}
      onClose={onClose}
    >
      {({ reportError }) => (
        <>
          <Flex gap={8}>
            <Form.Item name="unit" label={t('loop.decisions.unit')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <OrgUnitSelect />
            </Form.Item>
            <Form.Item name="kind" label={t('loop.decisions.kind')}>
              <Radio.Group>
                <Radio value="meeting">{t('loop.decisions.kinds.meeting')}</Radio>
                <Radio value="document">{t('loop.decisions.kinds.document')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="decidedOn" label={t('loop.decisions.decidedOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          </Flex>
          <Form.Item name="title" label={t('loop.decisions.title')} rules={[{ required: true, min: 2 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="body" label={t('loop.decisions.body')}>
            <Input.TextArea rows={6} />
          </Form.Item>
          <Form.Item name="files" label={t('loop.decisions.attachments')}>
            <EvidenceUpload onError={reportError} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/**
 * A plan node created or amended by a decision: pick where it goes (a new node under a node or at a plan's
 * top) or which node it amends; the decision is recorded on the node.
 */
function NodeFromDecisionModal({
  decision,
  mode,
  onClose,
}: {
  decision: Decision;
  mode: 'add' | 'amend' | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const planNodes = usePlanNodes(mode !== null);
  const [target, setTarget] = useState<string>();
  const picked = target ? planNodes.byId.get(target) : undefined;
  const planId = target?.startsWith('plan-') ? target.slice('plan-'.length) : picked?.planId;
  const node = picked?.node;
  const save = useSaveNode(planId);
  const close = () => {
    setTarget(undefined);
    onClose();
  };
  const ready = mode === 'amend' ? node !== undefined : planId !== undefined;
  return (
    <FormModal<NodeFormValues>
      open={mode !== null}
      width={720}
      title={mode === 'amend' ? t('loop.decisions.amendNode') : t('loop.decisions.addNode')}
      okDisabled={!ready}
      initialValues={{ decisionId: decision.id, yearlyTargets: [] }}
      submit={(values) =>
        save.mutateAsync(
          mode === 'amend' && node ? { values, node } : { values, ...(node ? { parentId: node.id } : {}) },
        )
      }
      onClose={close}
    >
      {({ form }) => (
        <>
          <Typography.Paragraph type="secondary">
            {mode === 'amend' ? t('loop.decisions.pickNode') : t('loop.decisions.pickParent')}
          </Typography.Paragraph>
          <TreeSelect
            style={{ width: '100%', marginBottom: 16 }}
            value={target}
            onChange={(value: string) => {
              setTarget(value);
              const chosen = planNodes.byId.get(value)?.node;
              // Amending starts from the node as it stands; the decision becomes the one behind it.
              if (mode === 'amend' && chosen)
                form.setFieldsValue({ ...nodeFormValues(chosen), decisionId: decision.id });
            }}
            treeData={planNodes.options.map((option) => ({ ...option, selectable: mode === 'add' }))}
            showSearch
            treeNodeFilterProp="title"
          />
          {ready && <NodeFields known={node?.ownerUnits} />}
        </>
      )}
    </FormModal>
  );
}

function DecisionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const canManage = useCan('plans.manage');
  const canIssue = useCan('tasks.issue');
  const { data: decision } = useQuery({ ...decisionQuery(id ?? ''), enabled: id !== null });
  const [nodeMode, setNodeMode] = useState<'add' | 'amend' | null>(null);
  const [issuing, setIssuing] = useState(false);
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={decision?.title}>
      {decision && (
        <Flex vertical gap={12}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('loop.decisions.kind')}>
              {t(`loop.decisions.kinds.${decision.kind}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('loop.decisions.decidedOn')}>{decision.decidedOn}</Descriptions.Item>
            <Descriptions.Item label={t('loop.decisions.unit')} span={2}>
              {decision.unit.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('loop.decisions.attachments')} span={2}>
              {decision.files.length > 0 ? <FileLinks files={decision.files} /> : '—'}
            </Descriptions.Item>
          </Descriptions>
          {decision.body && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{decision.body}</Typography.Paragraph>
          )}
          <Space wrap>
            {canManage && (
              <Button icon={<PlusOutlined />} onClick={() => setNodeMode('add')}>
                {t('loop.decisions.addNode')}
              </Button>
            )}
            {canManage && <Button onClick={() => setNodeMode('amend')}>{t('loop.decisions.amendNode')}</Button>}
            {canIssue && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
                {t('loop.decisions.issueTask')}
              </Button>
            )}
          </Space>
          <Divider titlePlacement="start">{t('loop.decisions.planNodes')}</Divider>
          <List
            size="small"
            dataSource={decision.planNodes}
            locale={{ emptyText: t('loop.decisions.nothingYet') }}
            renderItem={(node) => (
              <List.Item>
                <Link to={`/plans?plan=${node.planId}&node=${node.id}`}>
                  {node.number} {node.title}
                </Link>
              </List.Item>
            )}
          />
          <Divider titlePlacement="start">{t('loop.decisions.tasks')}</Divider>
          <List
            size="small"
            dataSource={decision.tasks}
            locale={{ emptyText: t('loop.decisions.nothingYet') }}
            renderItem={(task) => (
              <List.Item>
                <Link to={`/tasks?task=${task.id}`}>{task.title}</Link>
                <Tag>{t(`loop.status.${task.status as 'issued'}`, { defaultValue: task.status })}</Tag>
              </List.Item>
            )}
          />
          <NodeFromDecisionModal decision={decision} mode={nodeMode} onClose={() => setNodeMode(null)} />
          <TaskFormModal
            open={issuing}
            seed={{ decisionId: decision.id, issuerUnit: decision.unit.code }}
            onClose={() => setIssuing(false)}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/** Decisions (meetings and documents) with what came of them: plan nodes created or amended, tasks issued. */
export function Decisions({ opened, onOpen }: { opened: string | null; onOpen: (id: string | null) => void }) {
  const { t } = useTranslation();
  const canManage = useCan('plans.manage');
  const { data, isLoading } = useQuery(decisionsQuery);
  const [recording, setRecording] = useState(false);
  const rows = data?.items ?? [];
  const columns = [
    { title: t('loop.decisions.decidedOn'), value: (d: Decision) => d.decidedOn },
    { title: t('loop.decisions.kind'), value: (d: Decision) => t(`loop.decisions.kinds.${d.kind}`) },
    { title: t('loop.decisions.title'), value: (d: Decision) => d.title },
    { title: t('loop.decisions.unit'), value: (d: Decision) => d.unit.name },
    { title: t('loop.decisions.planNodes'), value: (d: Decision) => d.planNodes.length },
    { title: t('loop.decisions.tasks'), value: (d: Decision) => d.tasks.length },
  ];
  return (
    <Flex vertical gap={8}>
      <Space>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('loop.decisions.record')}
          </Button>
        )}
        <ExportButton name={t('loop.decisions.title')} columns={columns} rows={rows} />
      </Space>
      <Table<Decision>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={rows}
        onRow={(row) => ({ onClick: () => onOpen(row.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('loop.decisions.decidedOn'), dataIndex: 'decidedOn', width: 110 },
          {
            title: t('loop.decisions.kind'),
            dataIndex: 'kind',
            width: 90,
            render: (kind: Decision['kind']) => <Tag>{t(`loop.decisions.kinds.${kind}`)}</Tag>,
          },
          { title: t('loop.decisions.title'), dataIndex: 'title' },
          { title: t('loop.decisions.unit'), dataIndex: ['unit', 'name'], width: 200 },
          {
            title: t('loop.decisions.planNodes'),
            width: 90,
            render: (_, row) => row.planNodes.length,
          },
          { title: t('loop.decisions.tasks'), width: 90, render: (_, row) => row.tasks.length },
        ]}
      />
      <DecisionFormModal open={recording} onClose={() => setRecording(false)} onCreated={onOpen} />
      <DecisionDrawer id={opened} onClose={() => onOpen(null)} />
    </Flex>
  );
}
