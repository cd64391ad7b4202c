import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { isKnownAction } from './audit-vocabulary.ts';

const domainColors: Record<string, string> = { auth: 'default', org: 'blue', user: 'purple' };

/** An audit action in words, coloured by the area it belongs to; failures in red. */
export function ActionTag({ action }: { action: string }) {
  const { t } = useTranslation();
  const domain = action.split('.')[0] ?? '';
  const color = action.endsWith('_failed') ? 'red' : (domainColors[domain] ?? 'default');
  return (
    <Tag color={color} title={action}>
      {isKnownAction(action) ? t(`audit.actions.${action}`) : action}
    </Tag>
  );
}
