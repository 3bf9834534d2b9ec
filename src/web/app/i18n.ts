// i18next with two namespaces: `app` (every UI string) and `errors` (shared with the server).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/common';
import { errorCatalogues } from '../../i18n';
import enApp from '../../i18n/locales/en/app.json';
import jaApp from '../../i18n/locales/ja/app.json';
import zhCNApp from '../../i18n/locales/zh-CN/app.json';
import zhTWApp from '../../i18n/locales/zh-TW/app.json';
import { setRequestLanguage } from '../lib/api-client';
import { detectLocale, rememberLocale } from '../lib/locale';

const appCatalogues: Record<Locale, typeof enApp> = { en: enApp, 'zh-CN': zhCNApp, 'zh-TW': zhTWApp, ja: jaApp };

function applyToDocument(lng: string) {
  document.documentElement.lang = lng;
  document.title = i18n.t('app:appName');
  setRequestLanguage(lng);
}

export function initI18n() {
  const resources = Object.fromEntries(LOCALES.map((l) => [l, { app: appCatalogues[l], errors: errorCatalogues[l] }]));
  void i18n.use(initReactI18next).init({
    resources,
    lng: detectLocale(),
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    ns: ['app', 'errors'],
    defaultNS: 'app',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyToDocument(i18n.language);
  i18n.on('languageChanged', applyToDocument);
  return i18n;
}

export async function switchLanguage(locale: Locale) {
  rememberLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}
