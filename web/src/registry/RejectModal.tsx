import { Alert, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-error.ts';

/** Asks why before a rejection (the reason is required and recorded with the decision). */
export function RejectModal(props: {
  title: string | undefined;
  pending: boolean;
  error: ApiError | undefined;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <Modal
      open={props.title !== undefined}
      title={props.title}
      okText={t('registry.changeRequests.reject')}
      okButtonProps={{ danger: true, disabled: comment.trim().length === 0 }}
      confirmLoading={props.pending}
      onOk={() => props.onReject(comment.trim())}
      onCancel={props.onCancel}
      afterClose={() => setComment('')}
      destroyOnHidden
    >
      {props.error && (
        <Alert role="alert" type="error" showIcon title={props.error.message} style={{ marginBottom: 12 }} />
      )}
      <Input.TextArea
        aria-label={t('registry.changeRequests.rejectReason')}
        placeholder={t('registry.changeRequests.rejectReason')}
        value={comment}
        maxLength={500}
        onChange={(event) => setComment(event.target.value)}
      />
    </Modal>
  );
}
