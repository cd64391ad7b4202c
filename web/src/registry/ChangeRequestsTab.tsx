import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import type { ChangeRequest, ChangeRequestStatus } from '../api/types.ts';
import { formatInstant } from '../common/dates.ts';
import { describeChange } from './change-requests.ts';
import { changeRequestsQuery, useDecideChangeRequest } from './registry-queries.ts';
import { RejectModal } from './RejectModal.tsx';

const STATUSES: ChangeRequestStatus[] = ['pending', 'applied', 'rejected'];
const STATUS_COLORS: Record<ChangeRequestStatus, string> = { pending: 'gold', applied: 'green', rejected: 'red' };

/**
 * The approval inbox: change requests in the user's scope with the step each waits at. Approvers act on the
 * pending ones; the server refuses a step that is not theirs (village → township → county), and says so.
 */
export function ChangeRequestsTab({ canApprove }: { canApprove: boolean }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ChangeRequestStatus | undefined>('pending');
  const list = useQuery(changeRequestsQuery(status));
  const decide = useDecideChangeRequest();
  const [error, setError] = useState<ApiError>();
  const [rejecting, setRejecting] = useState<ChangeRequest>();

  const fieldLabel = (field: string, value: string) =>
    `${t(`registry.changeRequests.fields.${field}`, { defaultValue: field })}: ${
      field === 'relation' || field === 'formerHeadRelation'
        ? t(`registry.relations.${value}`, { defaultValue: value })
        : value
    }`;

  async function run(request: ChangeRequest, decision: 'approve' | 'reject', reason?: string) {
    setError(undefined);
    try {
      await decide.mutateAsync({ id: request.id, decision, comment: reason, version: request.version });
      setRejecting(undefined);
    } catch (failure) {
      if (failure instanceof ApiError) setError(failure);
      else throw failure;
    }
  }

  return (
    <Flex vertical gap={16}>
      <Select
        allowClear
        placeholder={t('registry.allStatuses')}
        value={status}
        onChange={setStatus}
        style={{ width: 160 }}
        aria-label={t('registry.columns.status')}
        options={STATUSES.map((s) => ({ value: s, label: t(`registry.changeRequests.status.${s}`) }))}
      />
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      {error && !rejecting && (
        <Alert role="alert" type="error" showIcon title={error.message} closable onClose={() => setError(undefined)} />
      )}
      <Table<ChangeRequest>
        aria-label={t('registry.tabs.changeRequests')}
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data}
        locale={{ emptyText: t('registry.changeRequests.empty') }}
        columns={[
          { title: t('registry.changeRequests.requestedAt'), render: (_, r) => formatInstant(r.requestedAt) },
          { title: t('registry.columns.number'), dataIndex: 'householdNumber' },
          {
            title: t('registry.changeRequests.kind'),
            render: (_, r) => t(`registry.changeRequests.kinds.${r.kind}`, { defaultValue: r.kind }),
          },
          { title: t('registry.changeRequests.change'), render: (_, r) => describeChange(r.change, fieldLabel) },
          { title: t('registry.reason'), dataIndex: 'reason' },
          {
            title: t('registry.columns.status'),
            render: (_, r) => (
              <Tag color={STATUS_COLORS[r.status]}>{t(`registry.changeRequests.status.${r.status}`)}</Tag>
            ),
          },
          {
            title: t('registry.changeRequests.nextStep'),
            render: (_, r) => (r.nextStep ? t(`registry.changeRequests.steps.${r.nextStep}`) : '—'),
          },
          ...(canApprove
            ? [
                {
                  title: t('registry.actions'),
                  key: 'decide',
                  render: (_: unknown, r: ChangeRequest) =>
                    r.status === 'pending' && (
                      <Space>
                        <Button
                          size="small"
                          type="primary"
                          loading={decide.isPending}
                          onClick={() => void run(r, 'approve')}
                        >
                          {t('registry.changeRequests.approve')}
                        </Button>
                        <Button size="small" danger onClick={() => setRejecting(r)}>
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
        title={rejecting && t('registry.changeRequests.rejectTitle', { number: rejecting.householdNumber })}
        pending={decide.isPending}
        error={error}
        onReject={(reason) => rejecting && void run(rejecting, 'reject', reason)}
        onCancel={() => {
          setRejecting(undefined);
          setError(undefined);
        }}
      />
    </Flex>
  );
}
