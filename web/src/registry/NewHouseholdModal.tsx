import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { NewHouseholdBody } from '../api/types.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { OrgUnitSelect } from '../org/OrgUnitSelect.tsx';
import { useCreateHousehold } from './registry-queries.ts';

export const RELATIONS = [
  'head',
  'spouse',
  'child',
  'child_in_law',
  'grandchild',
  'parent',
  'sibling',
  'other',
] as const;

type Values = { villageCode: string; identifiedOn?: Dayjs; members: NewHouseholdBody['members'] };

/** Identifies a household with its members; the server checks the ID numbers and the one head. */
export function NewHouseholdModal({ onClose }: { onClose: (createdId?: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateHousehold();
  const errors = useServerErrors(form);

  async function submit(values: Values) {
    errors.clear();
    try {
      const created = await create.mutateAsync({
        villageCode: values.villageCode,
        members: values.members,
        identifiedOn: values.identifiedOn?.format('YYYY-MM-DD'),
      });
      onClose(created.id);
    } catch (failure) {
      errors.report(failure);
    }
  }

  return (
    <Modal
      open
      width={760}
      title={t('registry.newHousehold')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <FormErrorAlert error={errors.error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ members: [{ name: '', idNumber: '', relation: 'head' }] }}
      >
        <Flex gap={16}>
          <Form.Item name="villageCode" label={t('registry.village')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <OrgUnitSelect allow={(unit) => unit.level === 5} />
          </Form.Item>
          <Form.Item name="identifiedOn" label={t('registry.effectiveOn')}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true }]} style={{ width: 140 }}>
                    <Input placeholder={t('registry.name')} aria-label={t('registry.name')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'idNumber']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Input placeholder={t('registry.idNumber')} aria-label={t('registry.idNumber')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'relation']} style={{ width: 140 }}>
                    <Select
                      aria-label={t('registry.relation')}
                      options={RELATIONS.map((r) => ({ value: r, label: t(`registry.relations.${r}`) }))}
                    />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(field.name)} />}
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ relation: 'child' })}>
                {t('registry.addMember')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
