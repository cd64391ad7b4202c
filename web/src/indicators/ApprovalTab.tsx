import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellColumns } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { approvalsQuery, useApprove } from './indicator-queries.ts';
import type { IndicatorView } from './use-indicator-view.ts';

/** The approver's checklist: each sub-unit with data, approved or pending, bottom-up. */
export function ApprovalTab({ view }: { view: IndicatorView }) {
  const { t } = useTranslation();
  const status = useQuery(approvalsQuery({ unit: view.unit, period: view.period }));
  const approve = useApprove();
  const rows = status.data ? [...status.data.children, status.data.self] : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {approve.isError && <Alert type="error" showIcon title={approve.error.message} />}
      <ExportButton
        name={`approvals-${view.unit}-${view.period}`}
        columns={cellColumns([
          t('indicators.unit'),
          t('indicators.hasData'),
          t('indicators.approved'),
          t('indicators.approvedBy'),
        ])}
        rows={rows.map((row) => [
          row.unitName,
          row.hasData ? t('indicators.hasData') : t('indicators.noData'),
          row.approved ? (row.approvedAt ?? t('indicators.approved')) : t('indicators.pending'),
          row.approvedBy,
        ])}
      />
      <Table
        size="small"
        rowKey="unit"
        loading={status.isLoading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('indicators.unit'), dataIndex: 'unitName' },
          {
            title: '',
            dataIndex: 'hasData',
            render: (has: boolean) => (has ? t('indicators.hasData') : t('indicators.noData')),
          },
          {
            title: t('indicators.rag'),
            key: 'approved',
            render: (_, row) =>
              row.approved ? (
                <Tag color="green">{`${t('indicators.approved')} · ${row.approvedBy ?? ''}`}</Tag>
              ) : (
                <Tag>{t('indicators.pending')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'approve',
            render: (_, row) =>
              !row.approved &&
              row.hasData && (
                <Button
                  size="small"
                  data-testid={`approve-${row.unit}`}
                  loading={approve.isPending}
                  onClick={() => approve.mutate({ unit: row.unit, period: view.period })}
                >
                  {t('indicators.approve')}
                </Button>
              ),
          },
        ]}
      />
    </Space>
  );
}
