import { Descriptions, Drawer, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../api/types.ts';
import { formatInstant } from '../common/dates.ts';
import { ActionTag } from './ActionTag.tsx';
import { entityLabel } from './audit-vocabulary.ts';
import { JsonDiff } from './JsonDiff.tsx';

/** One audit record in full: who did what, from where, the before/after snapshots and the chain hash. */
export function AuditRecordDrawer({ record, onClose }: { record: AuditRecord | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={record !== undefined}
      onClose={onClose}
      size={720}
      title={t('audit.record', { id: record?.id ?? '' })}
      destroyOnHidden
    >
      {record && (
        <Flex vertical gap={24}>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'at', label: t('audit.columns.at'), children: formatInstant(record.at) },
              { key: 'actor', label: t('audit.columns.actor'), children: record.actorName ?? t('common.system') },
              { key: 'action', label: t('audit.columns.action'), children: <ActionTag action={record.action} /> },
              {
                key: 'entity',
                label: t('audit.columns.entity'),
                children: `${entityLabel(t, record.entity)} ${record.entityId ?? ''}`,
              },
              { key: 'unitPath', label: t('audit.columns.unitPath'), children: record.unitPath ?? '—' },
              { key: 'clientIp', label: t('audit.columns.clientIp'), children: record.clientIp ?? '—' },
              {
                key: 'requestId',
                label: t('audit.columns.requestId'),
                children: record.requestId ? <Typography.Text copyable>{record.requestId}</Typography.Text> : '—',
              },
              {
                key: 'hash',
                label: t('audit.columns.hash'),
                children: (
                  <Typography.Text copyable code style={{ wordBreak: 'break-all', fontSize: 12 }}>
                    {record.hash}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('audit.diff.title')}</Typography.Title>
            <JsonDiff before={record.before} after={record.after} />
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
