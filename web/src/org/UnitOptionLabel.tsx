import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../api/types.ts';
import { unitKindLabel } from './unit-labels.ts';

/** A unit in a search list: its name, then its code and kind in grey. */
export function UnitOptionLabel({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" gap={12}>
      <span>{unit.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {unit.shortCode} · {unitKindLabel(t, unit)}
      </Typography.Text>
    </Flex>
  );
}
