import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../contracts/common';
import { LANGUAGE_NAMES } from '../../../components/language-menu';

// The select's value for "no language of her own": her store's language is used.
const STORE = 'store';

/**
 * Her language for messages: one of the four, or her store's (null). Each language is named in itself,
 * the store's option also names the language it stands for.
 */
export function CustomerLanguageSelect({
  value,
  onChange,
  storeLocale,
  error,
}: {
  value: Locale | null;
  onChange: (v: Locale | null) => void;
  storeLocale: Locale | null;
  error?: string;
}) {
  const { t } = useTranslation();
  const storeLabel = storeLocale
    ? t('customers.languageStoreNamed', { language: LANGUAGE_NAMES[storeLocale] })
    : t('customers.languageStore');
  return (
    <Select
      label={t('customers.field.language')}
      description={t('customers.languageHelp')}
      value={value ?? STORE}
      onChange={(v) => onChange(v && v !== STORE ? (v as Locale) : null)}
      data={[{ value: STORE, label: storeLabel }, ...LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))]}
      allowDeselect={false}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
