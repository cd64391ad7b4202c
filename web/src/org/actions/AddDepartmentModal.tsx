import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentCategory } from '../../api/types.ts';
import { DatedChangeModal } from './DatedChangeModal.tsx';
import type { UnitActionProps } from './unit-action-props.ts';

const categories: DepartmentCategory[] = ['department', 'centre', 'team'];

export function AddDepartmentModal({ unit, write, ...modal }: UnitActionProps) {
  const { t } = useTranslation();
  return (
    <DatedChangeModal<{ name: string; category: DepartmentCategory }>
      {...modal}
      title={t('org.actions.addDepartment.title', { name: unit.name })}
      okText={t('org.actions.addDepartment.button')}
      doneText={t('org.actions.addDepartment.done')}
      dateLabel={t('org.fields.establishedOn')}
      initialValues={{ category: 'department' }}
      fields={
        <>
          <Form.Item name="name" label={t('org.fields.departmentName')} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="category" label={t('org.fields.category')} rules={[{ required: true }]}>
            <Select
              options={categories.map((category) => ({ value: category, label: t(`org.category.${category}`) }))}
            />
          </Form.Item>
        </>
      }
      submit={({ name, category, effectiveOn, reason }) =>
        write({ kind: 'addDepartment', code: unit.code, body: { name, category, establishedOn: effectiveOn, reason } })
      }
    />
  );
}
