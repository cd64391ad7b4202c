import { Button, Form, Input, Select, message } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestBody, RegistryHousehold } from '../api/types.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { CHANGE_KINDS, type FiledChangeKind } from './change-requests.ts';
import { RELATIONS } from './NewHouseholdModal.tsx';
import { useRequestChange } from './registry-queries.ts';

type Values = {
  kind: FiledChangeKind;
  idNumber?: string;
  correctIdNumber?: string;
  newHeadIdNumber?: string;
  formerHeadRelation?: Exclude<(typeof RELATIONS)[number], 'head'>;
  reason: string;
};

function changeOf(values: Values): ChangeRequestBody['change'] {
  if (values.kind === 'correct_id') {
    return { kind: 'correct_id', idNumber: values.idNumber ?? '', correctIdNumber: values.correctIdNumber ?? '' };
  }
  return {
    kind: 'change_head',
    newHeadIdNumber: values.newHeadIdNumber ?? '',
    formerHeadRelation: values.formerHeadRelation ?? 'spouse',
  };
}

/**
 * Files a change of members for approval (village → township → county): correcting an ID number or changing
 * the head. Nothing changes until the county approves; the inbox tab follows it.
 */
export function ChangeRequestForm({ household }: { household: RegistryHousehold }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const request = useRequestChange(household.id);
  const kind = Form.useWatch('kind', form);
  const idRules = [{ required: true, min: 15, max: 18, message: t('registry.changeRequests.idInvalid') }];

  async function submit(values: Values) {
    try {
      await request.mutateAsync({ change: changeOf(values), reason: values.reason });
      form.resetFields();
      void message.success(t('registry.changeRequests.filed'));
    } catch (failure) {
      errors.report(failure);
    }
  }

  return (
    <Form<Values>
      form={form}
      name="changeRequest"
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{ kind: 'correct_id', formerHeadRelation: 'spouse' }}
      onFinish={(values) => void submit(values)}
      onValuesChange={errors.clear}
    >
      <Form.Item name="kind" label={t('registry.changeRequests.kind')}>
        <Select options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`registry.changeRequests.kinds.${k}`) }))} />
      </Form.Item>
      {kind === 'change_head' ? (
        <>
          <Form.Item
            name="newHeadIdNumber"
            label={t('registry.changeRequests.newHeadIdNumber')}
            extra={t('registry.changeRequests.idHelp')}
            rules={idRules}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="formerHeadRelation" label={t('registry.changeRequests.formerHeadRelation')}>
            <Select
              options={RELATIONS.filter((r) => r !== 'head').map((r) => ({
                value: r,
                label: t(`registry.relations.${r}`),
              }))}
            />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name="idNumber"
            label={t('registry.changeRequests.currentIdNumber')}
            extra={t('registry.changeRequests.idHelp')}
            rules={idRules}
          >
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
          <Form.Item name="correctIdNumber" label={t('registry.changeRequests.correctIdNumber')} rules={idRules}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="reason"
        label={t('registry.reason')}
        rules={[{ required: true, min: 2, max: 500, message: t('registry.changeRequests.reasonRequired') }]}
      >
        <Input.TextArea maxLength={500} />
      </Form.Item>
      <FormErrorAlert error={errors.error} />
      <Button type="primary" htmlType="submit" loading={request.isPending}>
        {t('registry.changeRequests.file')}
      </Button>
    </Form>
  );
}
