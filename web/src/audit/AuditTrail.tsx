import { useInfiniteQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditRecord } from '../api/types.ts';
import { type AuditColumn, auditColumns } from './audit-columns.tsx';
import { auditQuery } from './audit-queries.ts';
import { AuditRecordDrawer } from './AuditRecordDrawer.tsx';

type Props = { filter: AuditFilter; columns: readonly AuditColumn[] };

/** Audit records matching a filter, newest first, loaded a page at a time; a click opens the full record. */
export function AuditTrail({ filter, columns }: Props) {
  const { t } = useTranslation();
  const records = useInfiniteQuery(auditQuery(filter));
  const [opened, setOpened] = useState<AuditRecord>();
  const rows = records.data?.pages.flatMap((page) => page.items) ?? [];
  const available = auditColumns(t);

  if (records.isError) return <Alert type="error" showIcon title={records.error.message} />;
  return (
    <>
      <Table<AuditRecord>
        rowKey="id"
        size="middle"
        columns={columns.map((column) => available[column])}
        dataSource={rows}
        loading={records.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(record) => ({ onClick: () => setOpened(record), style: { cursor: 'pointer' } })}
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('audit.shown', { count: rows.length })}</Typography.Text>
        {records.hasNextPage && (
          <Button onClick={() => void records.fetchNextPage()} loading={records.isFetchingNextPage}>
            {t('audit.loadMore')}
          </Button>
        )}
      </Flex>
      <AuditRecordDrawer record={opened} onClose={() => setOpened(undefined)} />
    </>
  );
}
