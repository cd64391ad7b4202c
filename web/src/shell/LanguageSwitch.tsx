import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types.ts';
import { LANGUAGES, switchLanguage } from '../i18n/i18n.ts';
import { useLanguage } from '../i18n/use-language.ts';

/** Each language is named in itself, so anyone can find their own. */
const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageSwitch({ tone = 'light' }: { tone?: 'light' | 'dark' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Dropdown
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((key) => ({ key, label: languageNames[key] })),
        onClick: ({ key }) => void switchLanguage(key as Language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t('header.language')}
        style={tone === 'dark' ? { color: '#fff' } : undefined}
      >
        {languageNames[language]}
      </Button>
    </Dropdown>
  );
}
