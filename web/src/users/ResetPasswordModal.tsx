import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types.ts';
import { FormErrorAlert } from '../forms/FormErrorAlert.tsx';
import { useServerErrors } from '../forms/use-server-errors.ts';
import { useResetPassword } from './users-queries.ts';

type Values = { newPassword: string };

/** Sets a new password for someone else's account, which also lifts a lockout. */
export function ResetPasswordModal({ user, onClose }: { user: User | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();
  const errors = useServerErrors(form);

  async function submit({ newPassword }: Values) {
    if (!user) return;
    try {
      await reset.mutateAsync({ id: user.id, newPassword });
      void message.success(t('users.passwordReset', { username: user.username }));
      onClose();
    } catch (failure) {
      errors.report(failure);
    }
  }

  return (
    <Modal
      open={user !== undefined}
      title={t('users.resetPasswordTitle', { username: user?.username ?? '' })}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      afterClose={errors.clear}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={errors.clear}
        preserve={false}
      >
        <Form.Item name="newPassword" label={t('password.new')} extra={t('password.rule')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <FormErrorAlert error={errors.error} />
      </Form>
    </Modal>
  );
}
