import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { useCan } from '../auth/session-queries.ts';
import { toDay } from '../common/dates.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { FormModal } from '../forms/FormModal.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { EvidenceUpload, FileLinks } from '../loop/EvidenceUpload.tsx';
import type { AssessmentScheme, BonusClaim } from '../loop/types.ts';
import type { FileRef } from '../loop/upload.ts';
import { EntriesTables } from './EntriesTables.tsx';
import type { ItemKind } from './scheme-form.ts';

function itemsOf(scheme: AssessmentScheme, kind: ItemKind) {
  return scheme.definition.categories
    .flatMap((category) => category.items)
    .filter((item) => item.kind === kind)
    .map((item) => ({ value: item.code, label: `${item.name}（${item.code}）` }));
}

function unitOptions(scheme: AssessmentScheme) {
  return scheme.assessedUnits.map((unit) => ({ value: unit.code, label: unit.name }));
}

/** Every input refreshes the scheme's runs: a draft run is recomputed from the records on the next run. */
function useRecord<Body>(post: (body: Body) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: post, onSuccess: () => client.invalidateQueries({ queryKey: ['assessment'] }) });
}

/**
 * One kind of entry as a small form: which unit, which item and the figures. The server keeps the latest
 * entry per unit, item and period, so entering again corrects a value.
 */
function EntryCard<Values extends { unit: string; itemCode: string }>({
  name,
  title,
  items,
  scheme,
  initialValues,
  children,
  onSubmit,
}: {
  /** The form's name: the cards share field names, and their element ids (which labels point at) must differ. */
  name: string;
  title: string;
  items: { value: string; label: string }[];
  scheme: AssessmentScheme;
  initialValues?: Partial<Values>;
  children: ReactNode;
  onSubmit: (values: Values) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const record = useRecord(onSubmit);
  const [saved, setSaved] = useState(false);
  if (items.length === 0) return null;
  return (
    <Card size="small" title={title} style={{ flex: 1, minWidth: 340 }}>
      <Form<Values>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={() => {
          errors.clear();
          setSaved(false);
        }}
        onFinish={(values) => record.mutate(values, { onSuccess: () => setSaved(true), onError: errors.report })}
      >
        <FormErrorAlert error={errors.error} />
        {saved && <Alert type="success" showIcon title={t('loop.inputs.saved')} style={{ marginBottom: 12 }} />}
        <Form.Item name="unit" label={t('loop.inputs.unit')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions(scheme)} />
        </Form.Item>
        <Form.Item name="itemCode" label={t('loop.inputs.item')} rules={[{ required: true }]}>
          <Select options={items} />
        </Form.Item>
        {children}
        <Button type="primary" htmlType="submit" loading={record.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

type BonusValues = { unit: string; itemCode: string; points: number; reason: string; files: FileRef[] };

function BonusClaims({ scheme }: { scheme: AssessmentScheme }) {
  const { t } = useTranslation();
  const canApply = useCan('assessment.apply');
  const canManage = useCan('assessment.manage');
  const client = useQueryClient();
  const claims = useQuery({
    queryKey: ['assessment', 'bonus-claims', scheme.id],
    queryFn: () =>
      dataOf(api.GET('/api/assessment/schemes/{id}/bonus-claims', { params: { path: { id: scheme.id } } })),
  });
  const [claiming, setClaiming] = useState(false);
  const [deciding, setDeciding] = useState<{ claim: BonusClaim; decision: 'approve' | 'reject' } | null>(null);
  const applicationColumns = useApplicationColumns<BonusClaim>({
    canDecide: canManage,
    onDecide: (claim, decision) => setDeciding({ claim, decision }),
  });
  const items = itemsOf(scheme, 'bonus');
  const rows = claims.data?.items ?? [];
  const columns = [
    { title: t('loop.inputs.unit'), value: (row: BonusClaim) => row.unit.name },
    { title: t('loop.inputs.item'), value: (row: BonusClaim) => row.itemCode },
    { title: t('loop.inputs.points'), value: (row: BonusClaim) => row.points },
    { title: t('loop.task.reason'), value: (row: BonusClaim) => row.reason },
    { title: t('loop.task.status'), value: (row: BonusClaim) => t(`loop.assessment.status.${row.status}`) },
    { title: t('loop.assessment.decisionReason'), value: (row: BonusClaim) => row.decisionReason },
  ];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('loop.inputs.bonus')}
      extra={
        <Space>
          {canApply && (
            <Button icon={<PlusOutlined />} onClick={() => setClaiming(true)}>
              {t('loop.inputs.claimBonus')}
            </Button>
          )}
          <ExportButton name={t('loop.inputs.bonus')} columns={columns} rows={rows} />
        </Space>
      }
    >
      <Table<BonusClaim>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('loop.inputs.unit'), dataIndex: ['unit', 'name'], width: 160 },
          { title: t('loop.inputs.item'), dataIndex: 'itemCode', width: 120 },
          { title: t('loop.inputs.points'), dataIndex: 'points', width: 70 },
          ...applicationColumns.reason,
          ...applicationColumns.decision,
        ]}
      />
      <FormModal<BonusValues>
        name="bonusClaim"
        open={claiming}
        title={t('loop.inputs.claimBonus')}
        initialValues={{ files: [] }}
        submit={(body) =>
          dataOf(api.POST('/api/assessment/schemes/{id}/bonus-claims', { params: { path: { id: scheme.id } }, body }))
        }
        onSaved={() => client.invalidateQueries({ queryKey: ['assessment'] })}
        onClose={() => setClaiming(false)}
      >
        {({ reportError }) => (
          <>
            <Form.Item name="unit" label={t('loop.inputs.unit')} rules={[{ required: true }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions(scheme)} />
            </Form.Item>
            <Form.Item name="itemCode" label={t('loop.inputs.item')} rules={[{ required: true }]}>
              <Select options={items} />
            </Form.Item>
            <Form.Item name="points" label={t('loop.inputs.points')} rules={[{ required: true }]}>
              <InputNumber min={0.01} max={1000} />
            </Form.Item>
            <Form.Item name="reason" label={t('loop.task.reason')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="files" label={t('loop.report.evidence')}>
              <EvidenceUpload onError={reportError} />
            </Form.Item>
          </>
        )}
      </FormModal>
      <DecisionModal
        target={deciding}
        onClose={() => setDeciding(null)}
        decide={(body) =>
          dataOf(
            api.POST('/api/assessment/schemes/{id}/bonus-claims/{applicationId}/decision', {
              params: { path: { id: scheme.id, applicationId: deciding?.claim.id ?? '' } },
              body: { ...body, version: deciding?.claim.version ?? 0 },
            }),
          )
        }
      />
    </Card>
  );
}

/** Approving or rejecting an application (a bonus claim, an exemption) always records the reason. */
export function DecisionModal({
  target,
  onClose,
  decide,
}: {
  target: { decision: 'approve' | 'reject' } | null;
  onClose: () => void;
  decide: (body: { decision: 'approve' | 'reject'; reason: string }) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  return (
    <FormModal<{ reason: string }>
      name="applicationDecision"
      open={target !== null}
      title={target?.decision === 'approve' ? t('loop.assessment.approve') : t('loop.assessment.reject')}
      submit={({ reason }) => decide({ decision: target?.decision ?? 'reject', reason })}
      onSaved={() => client.invalidateQueries({ queryKey: ['assessment'] })}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('loop.assessment.decisionReason')} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

/** An application's status with the decision's reason, and the buttons to decide it while it is pending. */
function ApplicationStatus({ status, reason }: { status: 'pending' | 'approved' | 'rejected'; reason: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={status === 'approved' ? 'green' : status === 'rejected' ? 'red' : 'blue'}>
        {t(`loop.assessment.status.${status}`)}
      </Tag>
      {reason}
    </>
  );
}

type Application = Pick<BonusClaim, 'reason' | 'files' | 'status' | 'decisionReason'>;

/**
 * The columns every application table (bonus claims, exemptions) shares: the reason with its evidence, and
 * the decision — status with the approver's reason, and the buttons while it is pending.
 */
export function useApplicationColumns<Row extends Application>(options: {
  canDecide: boolean;
  onDecide: (row: Row, decision: 'approve' | 'reject') => void;
}): { reason: TableColumnsType<Row>; decision: TableColumnsType<Row> } {
  const { t } = useTranslation();
  return {
    reason: [
      {
        title: t('loop.task.reason'),
        render: (_, row) => (
          <>
            {row.reason}
            <FileLinks files={row.files} />
          </>
        ),
      },
    ],
    decision: [
      {
        title: t('loop.task.status'),
        dataIndex: 'status',
        width: 170,
        render: (_, row) => <ApplicationStatus status={row.status} reason={row.decisionReason} />,
      },
      {
        title: t('common.actions'),
        width: 170,
        render: (_, row) =>
          options.canDecide &&
          row.status === 'pending' && <DecideButtons onDecide={(decision) => options.onDecide(row, decision)} />,
      },
    ],
  };
}

function DecideButtons({ onDecide }: { onDecide: (decision: 'approve' | 'reject') => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button size="small" type="primary" onClick={() => onDecide('approve')}>
        {t('loop.assessment.approve')}
      </Button>
      <Button size="small" danger onClick={() => onDecide('reject')}>
        {t('loop.assessment.reject')}
      </Button>
    </Space>
  );
}

type ScoreValues = { unit: string; itemCode: string; score: number };
type ValueValues = {
  unit: string;
  itemCode: string;
  period: 'year' | 'Q1' | 'Q2' | 'Q3' | 'Q4';
  actual: number | null;
  target: number;
};
type VetoValues = { unit: string; itemCode: string; occurredOn: Dayjs; reason: string };

/**
 * What the assessing office enters by hand: evaluation scores (e.g. the social evaluation), an attainment
 * item's actual and target per quarter or year (until the indicator module supplies them), one-vote vetoes,
 * each listed below as entered; and the bonus claims units file with evidence, approved or rejected here.
 */
export function Inputs({ scheme }: { scheme: AssessmentScheme }) {
  const { t } = useTranslation();
  const canManage = useCan('assessment.manage');
  const path = { params: { path: { id: scheme.id } } };
  const kinds = new Set(scheme.definition.categories.flatMap((c) => c.items.map((item) => item.kind)));
  if (!['entered', 'attainment', 'veto', 'bonus'].some((kind) => kinds.has(kind as ItemKind)))
    return <Empty description={t('loop.inputs.none')} />;
  return (
    <Flex vertical gap={12}>
      {canManage && (
        <Flex gap={12} wrap align="start">
          <EntryCard<ScoreValues>
            name="enteredScore"
            title={t('loop.inputs.entered')}
            items={itemsOf(scheme, 'entered')}
            scheme={scheme}
            onSubmit={(body) => dataOf(api.POST('/api/assessment/schemes/{id}/entered-scores', { ...path, body }))}
          >
            <Form.Item name="score" label={t('loop.inputs.score')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} addonAfter="/ 100" />
            </Form.Item>
          </EntryCard>
          <EntryCard<ValueValues>
            name="indicatorValue"
            title={t('loop.inputs.values')}
            items={itemsOf(scheme, 'attainment')}
            scheme={scheme}
            initialValues={{ period: 'year', actual: null }}
            onSubmit={(body) => dataOf(api.POST('/api/assessment/schemes/{id}/indicator-values', { ...path, body }))}
          >
            <Space wrap>
              <Form.Item name="period" label={t('loop.inputs.period')}>
                <Select
                  style={{ width: 110 }}
                  options={(['year', 'Q1', 'Q2', 'Q3', 'Q4'] as const).map((value) => ({
                    value,
                    label: value === 'year' ? t('loop.inputs.wholeYear') : value,
                  }))}
                />
              </Form.Item>
              <Form.Item name="actual" label={t('loop.inputs.actual')}>
                <InputNumber />
              </Form.Item>
              <Form.Item name="target" label={t('loop.inputs.target')} rules={[{ required: true }]}>
                <InputNumber min={0.0001} />
              </Form.Item>
            </Space>
          </EntryCard>
          <EntryCard<VetoValues>
            name="veto"
            title={t('loop.inputs.veto')}
            items={itemsOf(scheme, 'veto')}
            scheme={scheme}
            initialValues={{ occurredOn: dayjs() }}
            onSubmit={({ occurredOn, ...body }) =>
              dataOf(
                api.POST('/api/assessment/schemes/{id}/vetoes', {
                  ...path,
                  body: { ...body, occurredOn: toDay(occurredOn) },
                }),
              )
            }
          >
            <Form.Item name="occurredOn" label={t('loop.inputs.occurredOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="reason" label={t('loop.task.reason')} rules={[{ required: true, min: 2 }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </EntryCard>
        </Flex>
      )}
      <EntriesTables scheme={scheme} />
      <BonusClaims scheme={scheme} />
    </Flex>
  );
}
