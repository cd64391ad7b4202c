import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgChange } from '../api/types.ts';
import { formatInstant } from '../common/dates.ts';
import { historyQuery } from './org-queries.ts';
import { OrgChangeDescription } from './OrgChangeDescription.tsx';

const changeColors: Record<OrgChange['change'], string> = {
  established: 'green',
  renamed: 'blue',
  moved: 'purple',
  merged: 'orange',
  abolished: 'red',
};

/** Every dated change of the unit, newest first, with why and who recorded it. */
export function UnitHistory({ code }: { code: string }) {
  const { t } = useTranslation();
  const history = useQuery(historyQuery(code));
  if (history.isPending) return <Spin />;
  if (history.isError) return <Alert type="error" showIcon title={history.error.message} />;
  if (history.data.length === 0) return <Empty description={t('org.history.none')} />;
  return (
    <Timeline
      style={{ marginTop: 16 }}
      items={history.data.map((change) => ({
        key: change.id,
        color: changeColors[change.change],
        content: (
          <Flex vertical gap={4}>
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{change.effectiveOn}</Typography.Text>
              <Tag color={changeColors[change.change]}>{t(`org.change.${change.change}`)}</Tag>
              <OrgChangeDescription change={change} />
            </Flex>
            <Typography.Text>
              {t('org.history.reason')}
              {change.reason}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('org.history.recorded', {
                who: change.recordedBy ?? t('common.system'),
                when: formatInstant(change.recordedAt),
              })}
            </Typography.Text>
          </Flex>
        ),
      }))}
    />
  );
}
