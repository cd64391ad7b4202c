import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../api/types.ts';
import { UnitLink } from './UnitLink.tsx';
import { unitKindLabel } from './unit-labels.ts';

export function UnitFacts({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  const items = [
    { key: 'code', label: t('org.fields.code'), children: <Typography.Text copyable>{unit.code}</Typography.Text> },
    { key: 'shortCode', label: t('org.fields.shortCode'), children: unit.shortCode },
    { key: 'kind', label: t('org.fields.kind'), children: unitKindLabel(t, unit) },
    { key: 'childCount', label: t('org.fields.childCount'), children: unit.childCount },
    { key: 'establishedOn', label: t('org.fields.establishedOn'), children: unit.establishedOn },
    {
      key: 'endedOn',
      label: t('org.fields.endedOn'),
      children:
        unit.endedOn && unit.endKind
          ? t('org.endedValue', { date: unit.endedOn, how: t(`org.endKind.${unit.endKind}`) })
          : '—',
    },
    ...(unit.mergedIntoCode
      ? [{ key: 'mergedInto', label: t('org.fields.mergedInto'), children: <UnitLink code={unit.mergedIntoCode} /> }]
      : []),
    { key: 'version', label: t('org.fields.version'), children: unit.version },
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />;
}
