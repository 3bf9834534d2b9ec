import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/common';
import { Icon } from './icons';

// Each language is named in itself, so anyone can find their own.
export const LANGUAGE_NAMES: Record<Locale, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ja: '日本語',
  en: 'English',
};
const SHORT: Record<Locale, string> = { 'zh-CN': '简', 'zh-TW': '繁', ja: '日', en: 'EN' };

export function LanguageMenu({
  value,
  onChange,
  compact,
}: {
  value: Locale;
  onChange: (l: Locale) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          px={compact ? 'xs' : 'sm'}
          leftSection={<Icon name="language" size={18} />}
          aria-label={`${t('language.label')}: ${LANGUAGE_NAMES[value]}`}
        >
          <span lang={value}>{compact ? SHORT[value] : LANGUAGE_NAMES[value]}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LOCALES.map((l) => (
          <Menu.Item
            key={l}
            lang={l}
            onClick={() => onChange(l)}
            rightSection={l === value ? <Icon name="check" size={16} /> : null}
            aria-current={l === value ? 'true' : undefined}
          >
            {LANGUAGE_NAMES[l]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
