import { Button, DatePicker, Form, Input, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestBody, RegistryHousehold } from '../api/types.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { CHANGE_KINDS, type FiledChangeKind } from './change-requests.ts';
import { RELATIONS } from './NewHouseholdModal.tsx';
import { HouseholdSelect } from './HouseholdSelect.tsx';
import { ReasonField } from './ReasonField.tsx';
import { useRequestChange } from './registry-queries.ts';

type NonHead = Exclude<(typeof RELATIONS)[number], 'head'>;
type Values = {
  kind: FiledChangeKind;
  personId?: string;
  name?: string;
  idNumber?: string;
  relation?: NonHead;
  endOn?: Dayjs;
  toHouseholdNumber?: string;
  correctIdNumber?: string;
  formerHeadRelation?: NonHead;
  reason: string;
};

function changeOf(values: Values): ChangeRequestBody['change'] {
  const personId = values.personId ?? '';
  switch (values.kind) {
    case 'add_member':
      return {
        kind: 'add_member',
        member: { name: values.name ?? '', idNumber: values.idNumber ?? '', relation: values.relation ?? 'other' },
      };
    case 'remove_member':
      return { kind: 'remove_member', personId, endOn: values.endOn?.format('YYYY-MM-DD') };
    case 'transfer_member':
      return {
        kind: 'transfer_member',
        personId,
        toHouseholdNumber: values.toHouseholdNumber ?? '',
        relation: values.relation ?? 'other',
      };
    case 'correct_id':
      return { kind: 'correct_id', personId, correctIdNumber: values.correctIdNumber ?? '' };
    case 'change_head':
      return { kind: 'change_head', personId, formerHeadRelation: values.formerHeadRelation ?? 'spouse' };
  }
}

/**
 * Files a change of members for approval (village → township → county): add, remove (the membership ends on
 * its day, with the reason — nothing is deleted), transfer to another household, correct an ID number,
 * change the head. Members are picked from the household, so masked ID numbers need not be typed. Nothing
 * changes until the county approves; the change-request tab follows it.
 */
export function ChangeRequestForm({ household }: { household: RegistryHousehold }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const request = useRequestChange(household.id);
  const kind = Form.useWatch('kind', form);
  const current = household.members.filter((m) => m.endOn === null);
  const idRules = [{ required: true, min: 15, max: 18, message: t('registry.changeRequests.idInvalid') }];
  const nonHeadRelations = RELATIONS.filter((r) => r !== 'head').map((r) => ({
    value: r,
    label: t(`registry.relations.${r}`),
  }));
  const memberOptions = current
    .filter((m) => kind !== 'change_head' || m.relation !== 'head')
    .filter((m) => (kind !== 'remove_member' && kind !== 'transfer_member') || m.relation !== 'head')
    .map((m) => ({
      value: m.personId,
      label: `${m.name} ${m.idNumber} (${t(`registry.relations.${m.relation}`, { defaultValue: m.relation })})`,
    }));

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
      initialValues={{ kind: 'add_member', formerHeadRelation: 'spouse', relation: 'child' }}
      onFinish={(values) => void submit(values)}
      onValuesChange={errors.clear}
    >
      <Form.Item name="kind" label={t('registry.changeRequests.kind')}>
        <Select
          onChange={() => form.setFieldValue('personId', undefined)}
          options={CHANGE_KINDS.map((k) => ({ value: k, label: t(`registry.changeRequests.kinds.${k}`) }))}
        />
      </Form.Item>
      {kind === 'add_member' ? (
        <>
          <Form.Item name="name" label={t('registry.name')} rules={[{ required: true, max: 50 }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('registry.idNumber')} rules={idRules}>
            <Input maxLength={18} autoComplete="off" />
          </Form.Item>
        </>
      ) : (
        <Form.Item
          name="personId"
          label={t(kind === 'change_head' ? 'registry.changeRequests.newHead' : 'registry.member')}
          rules={[{ required: true, message: t('registry.changeRequests.memberRequired') }]}
        >
          <Select options={memberOptions} />
        </Form.Item>
      )}
      {(kind === 'add_member' || kind === 'transfer_member') && (
        <Form.Item
          name="relation"
          label={t(kind === 'add_member' ? 'registry.relation' : 'registry.changeRequests.newRelation')}
        >
          <Select options={nonHeadRelations} />
        </Form.Item>
      )}
      {kind === 'remove_member' && (
        <Form.Item
          name="endOn"
          label={t('registry.changeRequests.endOn')}
          extra={t('registry.changeRequests.endOnHelp')}
        >
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
        </Form.Item>
      )}
      {kind === 'transfer_member' && (
        <Form.Item
          name="toHouseholdNumber"
          label={t('registry.changeRequests.toHouseholdNumber')}
          rules={[{ required: true, message: t('registry.changeRequests.toHouseholdRequired') }]}
        >
          <HouseholdSelect exceptId={household.id} />
        </Form.Item>
      )}
      {kind === 'correct_id' && (
        <Form.Item name="correctIdNumber" label={t('registry.changeRequests.correctIdNumber')} rules={idRules}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      )}
      {kind === 'change_head' && (
        <Form.Item name="formerHeadRelation" label={t('registry.changeRequests.formerHeadRelation')}>
          <Select options={nonHeadRelations} />
        </Form.Item>
      )}
      <ReasonField />
      <FormErrorAlert error={errors.error} />
      <Button type="primary" htmlType="submit" loading={request.isPending}>
        {t('registry.changeRequests.file')}
      </Button>
    </Form>
  );
}
