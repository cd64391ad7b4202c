import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/api-error.ts';

/** A refusal's reasons: for failed checks, each check by name (translated when known) with the figure found. */
export function CheckFailures({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={error.message}
      description={
        error.details.length > 0 && (
          <ul style={{ margin: 0 }} aria-label={t('registry.failedChecks')}>
            {error.details.map((d) => (
              <li key={`${d.field}-${d.code}`}>
                {t(`registry.exits.checks.${d.field}`, { defaultValue: d.field })}: {d.message}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
