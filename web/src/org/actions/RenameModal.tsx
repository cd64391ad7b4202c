import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { DatedChangeModal } from './DatedChangeModal.tsx';
import type { UnitActionProps } from './unit-action-props.ts';

export function RenameModal({ unit, write, ...modal }: UnitActionProps) {
  const { t } = useTranslation();
  return (
    <DatedChangeModal<{ name: string }>
      {...modal}
      title={t('org.actions.rename.title', { name: unit.name })}
      okText={t('org.actions.rename.button')}
      doneText={t('org.actions.rename.done')}
      dateLabel={t('org.fields.effectiveOn')}
      initialValues={{ name: unit.name }}
      fields={
        <Form.Item name="name" label={t('org.fields.newName')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      }
      submit={({ name, effectiveOn, reason }) =>
        write({ kind: 'rename', code: unit.code, body: { name, effectiveOn, reason, version: unit.version } })
      }
    />
  );
}
