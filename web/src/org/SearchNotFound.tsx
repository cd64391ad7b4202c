import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a unit search list shows when it has no options: a spinner, a miss, or a hint. */
export function SearchNotFound({ query, searching }: { query: string; searching: boolean }) {
  const { t } = useTranslation();
  if (searching) return <Spin size="small" />;
  return <span>{query ? t('org.search.noMatch') : t('org.search.hint')}</span>;
}
