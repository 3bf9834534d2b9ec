// The UI language before log-in: the last one used on this device, else the browser's.
import { LOCALES, type Locale } from '../../contracts/common';
import { matchLocale } from '../../i18n';

const STORAGE_KEY = 'keqing.locale';

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v);
}

export function detectLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Private mode or storage disabled: fall through to the browser's language.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return 'en';
}

export function rememberLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not fatal: the account preference still remembers it after log-in.
  }
}
