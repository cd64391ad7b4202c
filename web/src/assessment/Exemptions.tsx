import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, dataOf } from '../api/client.ts';
import { useCan } from '../auth/session-queries.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { FormModal } from '../forms/FormModal.tsx';
import { EvidenceUpload } from '../loop/EvidenceUpload.tsx';
import type { AssessmentScheme, Exemption } from '../loop/types.ts';
import type { FileRef } from '../loop/upload.ts';
import { DecisionModal, useApplicationColumns } from './Inputs.tsx';

type ApplyValues = { unit: string; eventId: string; reason: string; reducePoints?: number | null; files: FileRef[] };

/** A unit applies for error tolerance (容错免责) against one of the deductions held against it. */
function ApplyModal({ scheme, open, onClose }: { scheme: AssessmentScheme; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unit, setUnit] = useState<string>();
  const deductions = useQuery({
    queryKey: ['assessment', 'deductions', scheme.id, unit],
    queryFn: () =>
      dataOf(
        api.GET('/api/assessment/schemes/{id}/units/{code}/deductions', {
          params: { path: { id: scheme.id, code: unit ?? '' } },
        }),
      ),
    enabled: open && unit !== undefined,
  });
  return (
    <FormModal<ApplyValues>
      name="exemption"
      open={open}
      width={640}
      title={t('loop.assessment.apply')}
      initialValues={{ files: [] }}
      submit={(values) =>
        dataOf(
          api.POST('/api/assessment/schemes/{id}/exemptions', {
            params: { path: { id: scheme.id } },
            body: { ...values, reducePoints: values.reducePoints ?? null },
          }),
        )
      }
      onSaved={() => client.invalidateQueries({ queryKey: ['assessment'] })}
      onClose={onClose}
    >
      {({ form, reportError }) => (
        <>
          <Form.Item name="unit" label={t('loop.inputs.unit')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={scheme.assessedUnits.map((u) => ({ value: u.code, label: u.name }))}
              onChange={(code: string) => {
                setUnit(code);
                form.setFieldValue('eventId', undefined);
              }}
            />
          </Form.Item>
          <Form.Item name="eventId" label={t('loop.assessment.deduction')} rules={[{ required: true }]}>
            <Select
              loading={deductions.isFetching}
              options={(deductions.data?.items ?? []).map((d) => ({
                value: d.eventId,
                label: `${d.on} ${t(`loop.scheme.events.${d.kind as 'red'}`, { defaultValue: d.kind })} · ${d.taskTitle}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('loop.task.reason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="reducePoints"
            label={t('loop.assessment.reducePoints')}
            extra={t('loop.assessment.reduceHint')}
          >
            <InputNumber min={0.01} max={1000} />
          </Form.Item>
          <Form.Item name="files" label={t('loop.report.evidence')}>
            <EvidenceUpload onError={reportError} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}

/** The error-tolerance workflow: applications with their evidence, decided with a reason by the assessor. */
export function Exemptions({ scheme }: { scheme: AssessmentScheme }) {
  const { t } = useTranslation();
  const canApply = useCan('assessment.apply');
  const canManage = useCan('assessment.manage');
  const { data, isLoading } = useQuery({
    queryKey: ['assessment', 'exemptions', scheme.id],
    queryFn: () => dataOf(api.GET('/api/assessment/schemes/{id}/exemptions', { params: { path: { id: scheme.id } } })),
  });
  const [applying, setApplying] = useState(false);
  const [deciding, setDeciding] = useState<{ exemption: Exemption; decision: 'approve' | 'reject' } | null>(null);
  const applicationColumns = useApplicationColumns<Exemption>({
    canDecide: canManage,
    onDecide: (exemption, decision) => setDeciding({ exemption, decision }),
  });
  const rows = data?.items ?? [];
  const columns = [
    { title: t('loop.inputs.unit'), value: (row: Exemption) => row.unit.name },
    { title: t('loop.assessment.deduction'), value: (row: Exemption) => row.eventId },
    { title: t('loop.task.reason'), value: (row: Exemption) => row.reason },
    { title: t('loop.assessment.reducePoints'), value: (row: Exemption) => row.reducePoints },
    { title: t('loop.assessment.appliedAt'), value: (row: Exemption) => row.appliedAt.slice(0, 10) },
    { title: t('loop.task.status'), value: (row: Exemption) => t(`loop.assessment.status.${row.status}`) },
    { title: t('loop.assessment.decisionReason'), value: (row: Exemption) => row.decisionReason },
  ];
  return (
    <Flex vertical gap={8}>
      <Space>
        {canApply && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setApplying(true)}>
            {t('loop.assessment.apply')}
          </Button>
        )}
        <ExportButton name={t('loop.assessment.exemptions')} columns={columns} rows={rows} />
      </Space>
      <Table<Exemption>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={rows}
        columns={[
          { title: t('loop.inputs.unit'), dataIndex: ['unit', 'name'], width: 160 },
          { title: t('loop.assessment.deduction'), dataIndex: 'eventId', width: 130 },
          ...applicationColumns.reason,
          {
            title: t('loop.assessment.reducePoints'),
            dataIndex: 'reducePoints',
            width: 100,
            render: (points: number | null) => points ?? t('loop.assessment.all'),
          },
          ...applicationColumns.decision,
        ]}
      />
      <ApplyModal scheme={scheme} open={applying} onClose={() => setApplying(false)} />
      <DecisionModal
        target={deciding}
        onClose={() => setDeciding(null)}
        decide={(body) =>
          dataOf(
            api.POST('/api/assessment/schemes/{id}/exemptions/{applicationId}/decision', {
              params: { path: { id: scheme.id, applicationId: deciding?.exemption.id ?? '' } },
              body: { ...body, version: deciding?.exemption.version ?? 0 },
            }),
          )
        }
      />
    </Flex>
  );
}
