import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The reason every change of the registry carries (2–500 characters; the server checks the same bounds). */
export function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('registry.reason')}
      rules={[{ required: true, min: 2, max: 500, message: t('registry.changeRequests.reasonRequired') }]}
    >
      <Input.TextArea maxLength={500} />
    </Form.Item>
  );
}
