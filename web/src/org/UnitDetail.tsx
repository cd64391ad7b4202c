import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Result, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.ts';
import { useCan } from '../auth/session-queries.ts';
import { UnitActions } from './actions/UnitActions.tsx';
import { type AsOf, unitQuery } from './org-queries.ts';
import { UnitAuditTab } from './UnitAuditTab.tsx';
import { UnitBreadcrumb } from './UnitBreadcrumb.tsx';
import { UnitFacts } from './UnitFacts.tsx';
import { UnitHistory } from './UnitHistory.tsx';
import { UnitIcon } from './UnitIcon.tsx';
import { unitKindLabel } from './unit-labels.ts';

/** The right pane: where the unit sits, what it is, how it changed, and what may be done to it. */
export function UnitDetail({ code, asOf }: { code: string; asOf: AsOf }) {
  const { t } = useTranslation();
  const canReadAudit = useCan('audit.read');
  const unit = useQuery(unitQuery(code, asOf));

  if (unit.isPending) return <Card loading />;
  if (unit.isError) {
    const missing = isApiError(unit.error, 'ORG_UNIT_NOT_FOUND');
    return (
      <Card>
        <Result
          status={missing ? 'warning' : 'error'}
          title={missing && asOf ? t('org.notAsOf', { date: asOf }) : unit.error.message}
        />
      </Card>
    );
  }

  const current = unit.data;
  const tabs = [
    { key: 'history', label: t('org.tabs.history'), children: <UnitHistory code={code} /> },
    ...(canReadAudit ? [{ key: 'audit', label: t('org.tabs.audit'), children: <UnitAuditTab code={code} /> }] : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={12}>
          <UnitBreadcrumb code={code} asOf={asOf} />
          {asOf && <Alert type="info" showIcon title={t('org.viewingAsOf', { date: asOf })} />}
          <Flex justify="space-between" align="flex-start" gap={16} wrap>
            <Flex align="center" gap={10} wrap>
              <span style={{ fontSize: 22 }}>
                <UnitIcon unit={current} />
              </span>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {current.name}
              </Typography.Title>
              <Tag color="blue">{unitKindLabel(t, current)}</Tag>
              {current.endKind && <Tag color="default">{t(`org.endKind.${current.endKind}`)}</Tag>}
            </Flex>
            {!asOf && <UnitActions unit={current} />}
          </Flex>
          <UnitFacts unit={current} />
        </Flex>
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs items={tabs} destroyOnHidden />
      </Card>
    </Flex>
  );
}
