import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type DiffRow, diffSnapshots, formatValue } from './audit-diff.ts';

const rowColors: Record<DiffRow['change'], string | undefined> = {
  added: '#f6ffed',
  removed: '#fff1f0',
  changed: '#fffbe6',
  same: undefined,
};

function renderValue(value: unknown) {
  if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{formatValue(value)}</code>;
}

/** The record's before and after side by side, key by key, with the changed keys highlighted. */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  return (
    <Table<DiffRow>
      rowKey="key"
      size="small"
      pagination={false}
      bordered
      dataSource={diffSnapshots(before, after)}
      onRow={(row) => ({ style: { background: rowColors[row.change] } })}
      columns={[
        {
          key: 'key',
          title: t('audit.diff.key'),
          dataIndex: 'key',
          width: 140,
          render: (key: string, row) => (row.change === 'same' ? key : <strong>{key}</strong>),
        },
        { key: 'before', title: t('audit.diff.before'), render: (_, row) => renderValue(row.before) },
        { key: 'after', title: t('audit.diff.after'), render: (_, row) => renderValue(row.after) },
      ]}
    />
  );
}
