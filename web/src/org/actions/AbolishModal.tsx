import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatedChangeModal } from './DatedChangeModal.tsx';
import type { UnitActionProps } from './unit-action-props.ts';

export function AbolishModal({ unit, write, ...modal }: UnitActionProps) {
  const { t } = useTranslation();
  return (
    <DatedChangeModal
      {...modal}
      danger
      title={t('org.actions.abolish.title', { name: unit.name })}
      okText={t('org.actions.abolish.button')}
      doneText={t('org.actions.abolish.done')}
      dateLabel={t('org.fields.effectiveOn')}
      notice={<Alert type="warning" showIcon title={t('org.actions.abolish.notice')} style={{ marginBottom: 16 }} />}
      submit={({ effectiveOn, reason }) =>
        write({ kind: 'abolish', code: unit.code, body: { effectiveOn, reason, version: unit.version } })
      }
    />
  );
}
