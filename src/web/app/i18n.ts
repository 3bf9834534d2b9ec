// i18next with two namespaces: `app` (every UI string) and `errors` (shared with the server).
// `app` is the union of every catalogue file of a locale except errors.json: app.json plus one file
// per feature (segments.json, care.json, …), each owning its own top-level keys.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../contracts/common';
import { errorCatalogues, mergeCatalogueFiles, type CatalogueTree } from '../../i18n';
import { setRequestLanguage } from '../lib/api-client';
import { detectLocale, rememberLocale } from '../lib/locale';

const files = import.meta.glob<CatalogueTree>('../../i18n/locales/*/*.json', { eager: true, import: 'default' });

function appCatalogue(locale: Locale): CatalogueTree {
  const own = Object.entries(files)
    .filter(([path]) => path.includes(`/locales/${locale}/`) && !path.endsWith('/errors.json'))
    .map(([path, tree]) => ({ name: path.slice(path.lastIndexOf('/') + 1), tree }));
  return mergeCatalogueFiles(own);
}

function applyToDocument(lng: string) {
  document.documentElement.lang = lng;
  document.title = i18n.t('app:appName');
  setRequestLanguage(lng);
}

export function initI18n() {
  const resources = Object.fromEntries(LOCALES.map((l) => [l, { app: appCatalogue(l), errors: errorCatalogues[l] }]));
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
