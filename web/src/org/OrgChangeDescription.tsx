import { useTranslation } from 'react-i18next';
import type { OrgChange } from '../api/types.ts';
import { UnitLink } from './UnitLink.tsx';

/** What a dated change did, in a phrase: the names before and after, or where the unit went. */
export function OrgChangeDescription({ change }: { change: OrgChange }) {
  const { t } = useTranslation();
  switch (change.change) {
    case 'renamed':
      return <span>{t('org.history.renamed', { from: change.oldName, to: change.newName })}</span>;
    case 'moved':
      return (
        <span>
          {t('org.history.movedFrom')} {change.oldParentCode ? <UnitLink code={change.oldParentCode} /> : '—'} →{' '}
          {change.newParentCode ? <UnitLink code={change.newParentCode} /> : '—'}
        </span>
      );
    case 'merged':
      return (
        <span>
          {t('org.history.mergedInto')} {change.mergedIntoCode ? <UnitLink code={change.mergedIntoCode} /> : '—'}
        </span>
      );
    case 'established':
      return <span>{change.newName ?? ''}</span>;
    case 'abolished':
      return null;
  }
}
