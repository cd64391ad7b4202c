import { useMutation } from '@tanstack/react-query';
import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { FormErrorAlert } from './FormErrorAlert.tsx';
import { useServerErrors } from './use-server-errors.ts';

/** What the fields of a modal form may need: the form, and where to report a failure (e.g. of an upload). */
export type FormModalContext<Values> = { form: FormInstance<Values>; reportError: (error: unknown) => void };

/**
 * A form in a dialog that sends one request: OK submits, the server's errors show under their fields and
 * above them, success runs `onSaved` and closes. Fields start afresh each time the dialog opens.
 */
export function FormModal<Values, Result = unknown>({
  open,
  name,
  title,
  width,
  okText,
  okDisabled,
  initialValues,
  submit,
  onSaved,
  onClose,
  children,
}: {
  open: boolean;
  /** The form's name; it prefixes the fields' element ids, keeping them unique on the page. */
  name?: string;
  title: ReactNode;
  width?: number;
  okText?: string;
  okDisabled?: boolean;
  initialValues?: Partial<Values>;
  submit: (values: Values) => Promise<Result>;
  onSaved?: (result: Result) => unknown;
  onClose: () => void;
  children: ReactNode | ((context: FormModalContext<Values>) => ReactNode);
}) {
  const [form] = Form.useForm<Values>();
  const errors = useServerErrors(form);
  const save = useMutation({
    mutationFn: submit,
    onSuccess: async (result) => {
      await onSaved?.(result);
      onClose();
    },
    onError: errors.report,
  });
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      okButtonProps={{ disabled: okDisabled ?? false }}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name={name}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        onValuesChange={errors.clear}
        onFinish={(values) => save.mutate(values)}
      >
        <FormErrorAlert error={errors.error} />
        {typeof children === 'function' ? children({ form, reportError: errors.report }) : children}
      </Form>
    </Modal>
  );
}
