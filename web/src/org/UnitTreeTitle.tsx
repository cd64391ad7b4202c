import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../api/types.ts';

/** A tree row: the name, the short code for divisions, and a tag when the unit has ended. */
export function UnitTreeTitle({ unit }: { unit: OrgUnit }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6, whiteSpace: 'nowrap' }}>
      <span style={unit.endedOn ? { color: '#8c8c8c', textDecoration: 'line-through' } : undefined}>{unit.name}</span>
      {unit.kind === 'division' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit.shortCode}
        </Typography.Text>
      )}
      {unit.endKind && (
        <Tag color="default" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}>
          {t(`org.endKind.${unit.endKind}`)}
        </Tag>
      )}
    </span>
  );
}
