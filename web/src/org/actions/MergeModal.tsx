import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/types.ts';
import { OrgUnitSelect } from '../OrgUnitSelect.tsx';
import { DatedChangeModal } from './DatedChangeModal.tsx';
import type { UnitActionProps } from './unit-action-props.ts';

/** A unit merges only into another unit in force of the same kind and level. */
function mergeTargetFor(unit: OrgUnit) {
  return (candidate: OrgUnit) =>
    candidate.code !== unit.code &&
    candidate.kind === unit.kind &&
    candidate.level === unit.level &&
    !candidate.endedOn;
}

export function MergeModal({ unit, write, ...modal }: UnitActionProps) {
  const { t } = useTranslation();
  return (
    <DatedChangeModal<{ intoCode: string }>
      {...modal}
      danger
      title={t('org.actions.merge.title', { name: unit.name })}
      okText={t('org.actions.merge.button')}
      doneText={t('org.actions.merge.done')}
      dateLabel={t('org.fields.effectiveOn')}
      notice={<Alert type="warning" showIcon title={t('org.actions.merge.notice')} style={{ marginBottom: 16 }} />}
      fields={
        <Form.Item name="intoCode" label={t('org.fields.mergeInto')} rules={[{ required: true }]}>
          <OrgUnitSelect allow={mergeTargetFor(unit)} />
        </Form.Item>
      }
      submit={({ intoCode, effectiveOn, reason }) =>
        write({ kind: 'merge', code: unit.code, body: { intoCode, effectiveOn, reason, version: unit.version } })
      }
    />
  );
}
