import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFutureDay, toDay } from '../../common/dates.ts';
import { FormErrorAlert } from '../../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../../forms/use-server-errors.ts';

/** What every change to the org tree carries: the day it took effect and why. */
type DatedChange = { effectiveOn: string; reason: string };

type Props<Extra> = {
  open: boolean;
  title: string;
  okText: string;
  /** Said once the change is saved. */
  doneText: string;
  dateLabel: string;
  danger?: boolean;
  /** What the change will do, shown above the fields. */
  notice?: ReactNode;
  /** The fields particular to this change, placed before the date and the reason. */
  fields?: ReactNode;
  initialValues?: Partial<Extra>;
  submit: (values: Extra & DatedChange) => Promise<unknown>;
  /** Reloads the unit after a version conflict. */
  onReload: () => void;
  onClose: () => void;
};

type FormValues<Extra> = Extra & { effectiveOn: Dayjs; reason: string };

/** The one form behind rename, merge, abolish and add-department: particular fields, then date and reason. */
export function DatedChangeModal<Extra extends object>(props: Props<Extra>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues<Extra>>();
  const errors = useServerErrors(form);
  const [saving, setSaving] = useState(false);

  async function save(values: FormValues<Extra>) {
    setSaving(true);
    try {
      await props.submit({ ...values, effectiveOn: toDay(values.effectiveOn) });
      void message.success(props.doneText);
      props.onClose();
    } catch (failure) {
      errors.report(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger }}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={errors.clear}
      destroyOnHidden
      width={560}
    >
      {props.notice}
      <Form<FormValues<Extra>>
        form={form}
        layout="vertical"
        initialValues={{ effectiveOn: dayjs(), ...props.initialValues } as FormValues<Extra>}
        onFinish={(values) => void save(values)}
        onValuesChange={errors.clear}
        preserve={false}
      >
        {props.fields}
        <Form.Item name="effectiveOn" label={props.dateLabel} rules={[{ required: true }]}>
          <DatePicker disabledDate={isFutureDay} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('org.fields.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} placeholder={t('org.fields.reasonPlaceholder')} maxLength={500} showCount />
        </Form.Item>
        <FormErrorAlert
          error={errors.error}
          onReload={() => {
            props.onReload();
            errors.clear();
          }}
        />
      </Form>
    </Modal>
  );
}
