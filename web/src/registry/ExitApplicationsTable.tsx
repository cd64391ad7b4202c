import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import type { ExitApplication } from '../api/types.ts';
import type { ExportColumn } from '../common/export-excel.ts';
import { ExportButton } from '../common/ExportButton.tsx';
import { exportTableColumns } from '../common/export-table-columns.tsx';
import { describeCheck } from './exit-checks.ts';
import { exitApplicationsQuery, useReviewExit } from './registry-queries.ts';
import { RejectModal } from './RejectModal.tsx';

const STATUS_COLORS: Record<ExitApplication['status'], string> = {
  under_review: 'gold',
  approved: 'green',
  rejected: 'red',
};

/** Exit applications in scope with the checks they passed and their review steps; reviewers decide the next. */
export function ExitApplicationsTable({ canApprove }: { canApprove: boolean }) {
  const { t } = useTranslation();
  const list = useQuery(exitApplicationsQuery());
  const review = useReviewExit();
  const [error, setError] = useState<ApiError>();
  const [rejecting, setRejecting] = useState<ExitApplication>();

  async function decide(application: ExitApplication, decision: 'approve' | 'reject', reason?: string) {
    setError(undefined);
    try {
      await review.mutateAsync({ id: application.id, decision, comment: reason, version: application.version });
      setRejecting(undefined);
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure);
      else throw failure;
    }
  }

  const step = (name: string) => t(`registry.exits.steps.${name}`, { defaultValue: name });
  const columns: (ExportColumn<ExitApplication> & { key: string })[] = [
    { key: 'unit', title: t('registry.unit'), value: (row) => `${row.unitName} ${row.unitCode}` },
    { key: 'level', title: t('registry.exits.level'), value: (row) => t(`registry.exits.levels.${row.level}`) },
    { key: 'year', title: t('registry.year'), value: (row) => row.year },
    {
      key: 'checks',
      title: t('registry.exits.checksPassed'),
      value: (row) =>
        row.checks
          .map((c) => `${t(`registry.exits.checks.${c.name}`, { defaultValue: c.name })} ${describeCheck(c)}`)
          .join('; '),
    },
    {
      key: 'reviews',
      title: t('registry.exits.reviews'),
      value: (row) =>
        row.reviews
          .map(
            (r) =>
              `${step(r.step)}: ${t(`registry.exits.decisions.${r.decision}`, { defaultValue: r.decision })}${r.comment ? ` (${r.comment})` : ''}`,
          )
          .join('; '),
    },
    { key: 'status', title: t('registry.columns.status'), value: (row) => t(`registry.exits.status.${row.status}`) },
    {
      key: 'nextStep',
      title: t('registry.changeRequests.nextStep'),
      value: (row) => (row.nextStep ? step(row.nextStep) : '—'),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        <ExportButton name={t('registry.exits.applications')} columns={columns} rows={list.data ?? []} />
      </Flex>
      {error && !rejecting && (
        <Alert role="alert" type="error" showIcon title={error.message} closable onClose={() => setError(undefined)} />
      )}
      <Table<ExitApplication>
        aria-label={t('registry.exits.applications')}
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data}
        locale={{ emptyText: t('registry.exits.noApplications') }}
        columns={[
          ...exportTableColumns(columns, (key, row) => (key === 'status' ? STATUS_COLORS[row.status] : undefined)),
          ...(canApprove
            ? [
                {
                  key: 'decide',
                  title: t('registry.actions'),
                  render: (_: unknown, row: ExitApplication) =>
                    row.status === 'under_review' && (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          loading={review.isPending}
                          onClick={() => void decide(row, 'approve')}
                        >
                          {t('registry.changeRequests.approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(row)}>
                          {t('registry.changeRequests.reject')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <RejectModal
        title={rejecting && t('registry.exits.rejectTitle', { name: rejecting.unitName })}
        pending={review.isPending}
        error={error}
        onReject={(reason) => rejecting && void decide(rejecting, 'reject', reason)}
        onCancel={() => {
          setRejecting(undefined);
          setError(undefined);
        }}
      />
    </Flex>
  );
}
