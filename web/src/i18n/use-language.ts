import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types.ts';
import { toLanguage } from './i18n.ts';

/** The UI language; components using it re-render when it changes. */
export function useLanguage(): Language {
  return toLanguage(useTranslation().i18n.language);
}
