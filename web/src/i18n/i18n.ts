import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/types.ts';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'bihuan.language';
const dayjsLocales: Record<Language, string> = { 'zh-CN': 'zh-cn', en: 'en' };

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

/** The supported language a tag names, Chinese for anything else. */
export function toLanguage(tag: string | undefined): Language {
  return isLanguage(tag) ? tag : 'zh-CN';
}

/** The language the user picked in this browser, if any. */
export function savedLanguage(): Language | undefined {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : undefined;
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLanguage() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  supportedLngs: LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false },
});

function applyLanguage(language: Language) {
  dayjs.locale(dayjsLocales[language]);
  document.documentElement.lang = language;
}
applyLanguage(toLanguage(i18n.language));

/** Switches the whole UI (texts, antd, dates, server messages) and remembers the choice in this browser. */
export async function switchLanguage(language: Language) {
  localStorage.setItem(STORAGE_KEY, language);
  applyLanguage(language);
  await i18n.changeLanguage(language);
}
