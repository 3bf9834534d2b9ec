import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../contracts/common';
import { useMe } from '../features/auth/api/get-me';
import { useUpdatePreferences } from '../features/auth/api/update-preferences';
import { isLocale } from '../lib/locale';
import { switchLanguage } from './i18n';

/** The UI language; switching it is remembered on the device and, once signed in, on the account. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const prefs = useUpdatePreferences();
  const current: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  function change(locale: Locale) {
    void switchLanguage(locale);
    if (me && me.user.locale !== locale) prefs.mutate({ locale });
  }
  return { current, change };
}

/** After log-in the account's language wins; an account without one adopts the device's. */
export function useLocaleSync() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const prefs = useUpdatePreferences();
  const savedFor = useRef<string | null>(null);
  const userId = me?.user.id;
  const userLocale = me?.user.locale;
  useEffect(() => {
    if (!userId) return;
    if (userLocale) {
      void switchLanguage(userLocale);
    } else if (savedFor.current !== userId && isLocale(i18n.language)) {
      savedFor.current = userId;
      prefs.mutate({ locale: i18n.language });
    }
    // Only a change of account or of its saved language should re-run this (not every render of `prefs`).
  }, [userId, userLocale]);
}
