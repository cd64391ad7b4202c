import { Alert, DatePicker, Form, type FormInstance, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { DecideDuplicateBody, DuplicateCase } from '../api/types.ts';
import { FormModal } from '../forms/FormModal.tsx';
import { ReasonField } from './ReasonField.tsx';
import { useDecideDuplicate } from './registry-queries.ts';

const DECISIONS = ['keep_existing', 'keep_new', 'correct_id'] as const;

type Values = {
  decision: DecideDuplicateBody['decision'];
  effectiveOn: Dayjs;
  correctIdNumber?: string;
  reason: string;
};

/**
 * The approver's decision on one case: keep the person in the household that holds them, move them to the
 * claiming household (the other membership ends on the date, with the reason), or — two persons, one number
 * mistyped — add the claimed member under the corrected number. The server keeps every household headed.
 */
export function DecideDuplicateModal({ duplicate, onClose }: { duplicate: DuplicateCase; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecideDuplicate();

  return (
    <FormModal<Values>
      open
      name="decideDuplicate"
      title={t('registry.duplicates.decideTitle', { name: duplicate.name, number: duplicate.householdNumber })}
      okText={t('registry.duplicates.decide')}
      initialValues={{ decision: claimsHead(duplicate) ? 'keep_new' : 'keep_existing', effectiveOn: dayjs() }}
      submit={(values) =>
        decide.mutateAsync({
          id: duplicate.id,
          decision: values.decision,
          effectiveOn: values.effectiveOn.format('YYYY-MM-DD'),
          correctIdNumber: values.decision === 'correct_id' ? values.correctIdNumber : undefined,
          reason: values.reason,
          version: duplicate.version,
        })
      }
      onClose={onClose}
    >
      {({ form }) => <DecisionFields form={form} duplicate={duplicate} />}
    </FormModal>
  );
}

/** The claim names the person as the claiming household's head: until it is decided, that household has none. */
function claimsHead(duplicate: DuplicateCase) {
  return duplicate.relation === 'head' && !duplicate.sameHousehold;
}

/** The decision, the corrected number when that is the decision, the date and the reason. */
function DecisionFields({ form, duplicate }: { form: FormInstance<Values>; duplicate: DuplicateCase }) {
  const { t } = useTranslation();
  const decision = Form.useWatch('decision', form);
  const decisions = duplicate.sameHousehold ? DECISIONS.filter((d) => d !== 'keep_new') : DECISIONS;
  return (
    <>
      {claimsHead(duplicate) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('registry.duplicates.waitsForHead', { number: duplicate.householdNumber })}
        />
      )}
      <Form.Item name="decision" label={t('registry.duplicates.decision')}>
        <Radio.Group
          options={decisions.map((d) => ({
            value: d,
            label: t(`registry.duplicates.decisions.${d}`, {
              existing: duplicate.existingHouseholdNumber ?? '—',
              claiming: duplicate.householdNumber,
            }),
          }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        />
      </Form.Item>
      {decision === 'correct_id' && (
        <Form.Item
          name="correctIdNumber"
          label={t('registry.changeRequests.correctIdNumber')}
          rules={[{ required: true, min: 15, max: 18, message: t('registry.changeRequests.idInvalid') }]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="effectiveOn" label={t('registry.effectiveOn')} extra={t('registry.duplicates.dateHelp')}>
        <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} allowClear={false} />
      </Form.Item>
      <ReasonField />
    </>
  );
}
