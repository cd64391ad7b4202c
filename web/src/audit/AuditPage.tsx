import { Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../api/types.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTrail } from './AuditTrail.tsx';
import { VerifyChainButton } from './VerifyChainButton.tsx';

const columns = ['at', 'actor', 'action', 'entity', 'entityId', 'clientIp'] as const;

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  return (
    <Flex vertical gap={16}>
      <Card>
        <AuditFilters onChange={setFilter} />
      </Card>
      <Card title={t('audit.title')} extra={<VerifyChainButton />}>
        <AuditTrail filter={filter} columns={columns} />
      </Card>
    </Flex>
  );
}
