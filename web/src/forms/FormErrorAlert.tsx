import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-error.ts';

type Props = { error: ApiError | undefined; onReload?: () => void };

/** The server's message for a failed submission; a version conflict also offers to load the latest data. */
export function FormErrorAlert({ error, onReload }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const conflict = error.code === 'VERSION_CONFLICT';
  return (
    <Alert
      role="alert"
      type={conflict ? 'warning' : 'error'}
      showIcon
      title={conflict ? t('errors.conflictTitle') : error.message}
      description={conflict ? error.message : undefined}
      action={
        conflict && onReload ? (
          <Button size="small" onClick={onReload}>
            {t('common.reload')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
