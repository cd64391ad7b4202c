import type { TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import type { AuditRecord } from '../api/types.ts';
import { formatInstant } from '../common/dates.ts';
import { ActionTag } from './ActionTag.tsx';
import { entityLabel } from './audit-vocabulary.ts';
import { ChangeSummary } from './ChangeSummary.tsx';

export type AuditColumn = 'at' | 'actor' | 'action' | 'entity' | 'entityId' | 'clientIp' | 'changes';

/** Every column an audit table may show; each table picks the ones it needs. */
export function auditColumns(t: TFunction): Record<AuditColumn, TableColumnType<AuditRecord>> {
  return {
    at: {
      key: 'at',
      title: t('audit.columns.at'),
      dataIndex: 'at',
      width: 180,
      render: (at: string) => formatInstant(at),
    },
    actor: {
      key: 'actor',
      title: t('audit.columns.actor'),
      dataIndex: 'actorName',
      width: 120,
      render: (name: string | null) => name ?? t('common.system'),
    },
    action: {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 150,
      render: (action: string) => <ActionTag action={action} />,
    },
    entity: {
      key: 'entity',
      title: t('audit.columns.entity'),
      dataIndex: 'entity',
      width: 110,
      render: (entity: string) => entityLabel(t, entity),
    },
    entityId: {
      key: 'entityId',
      title: t('audit.columns.entityId'),
      dataIndex: 'entityId',
      render: (id: string | null) => id ?? '—',
    },
    clientIp: {
      key: 'clientIp',
      title: t('audit.columns.clientIp'),
      dataIndex: 'clientIp',
      width: 140,
      render: (ip: string | null) => ip ?? '—',
    },
    changes: {
      key: 'changes',
      title: t('audit.columns.changes'),
      render: (_, record) => <ChangeSummary before={record.before} after={record.after} />,
    },
  };
}
