import { App as AntdApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import antdEn from 'antd/es/locale/en_US.js';
import antdZhCN from 'antd/es/locale/zh_CN.js';
import type { ReactNode } from 'react';
import type { Language } from '../api/types.ts';
import { useLanguage } from '../i18n/use-language.ts';
import { theme } from './theme.ts';

/**
 * antd's locale modules are typed as CommonJS: bundler resolution sees the locale itself, Node's resolution
 * (the root tsconfig) sees it wrapped in `default`. At run time Vite always hands over the locale.
 */
function unwrap(module: Locale | { default: Locale }): Locale {
  return 'default' in module ? module.default : module;
}

const antdLocales: Record<Language, Locale> = { 'zh-CN': unwrap(antdZhCN), en: unwrap(antdEn) };

/** antd's theme and its texts (pickers, pagination, empty states) in the UI language. */
export function LocalizedAntd({ children }: { children: ReactNode }) {
  const language = useLanguage();
  return (
    <ConfigProvider locale={antdLocales[language]} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
