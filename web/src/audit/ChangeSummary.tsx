import { Flex, Typography } from 'antd';
import { diffSnapshots, formatValue } from './audit-diff.ts';

/** The keys a record changed, one per line: `name: old → new`. */
export function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  const changed = diffSnapshots(before, after).filter((row) => row.change !== 'same');
  return (
    <Flex vertical gap={2}>
      {changed.map((row) => (
        <Typography.Text key={row.key} style={{ fontSize: 12 }}>
          <Typography.Text type="secondary">{row.key}: </Typography.Text>
          {row.change !== 'added' && (
            <Typography.Text delete={row.change === 'removed'}>{formatValue(row.before)}</Typography.Text>
          )}
          {row.change === 'changed' && ' → '}
          {row.change !== 'removed' && <Typography.Text strong>{formatValue(row.after)}</Typography.Text>}
        </Typography.Text>
      ))}
    </Flex>
  );
}
