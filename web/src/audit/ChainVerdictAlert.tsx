import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChainVerdict } from '../api/types.ts';

/** The hash chain check's outcome: intact, or where it breaks and why. */
export function ChainVerdictAlert({ verdict }: { verdict: ChainVerdict }) {
  const { t } = useTranslation();
  if (verdict.ok) return <Alert type="success" showIcon title={t('audit.verify.ok', { count: verdict.checked })} />;
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.verify.broken', { id: verdict.badRecordId ?? '?' })}
      description={verdict.reason ? t(`audit.verify.reasons.${verdict.reason}`) : undefined}
    />
  );
}
