// Catalogues shared by the server (error messages, and `app` texts for e-mails and the CLI) and the
// web app (everything; server-only readers are in ./server.ts). A locale's `app` namespace is every file in locales/<lng>/ except errors.json,
// merged: app.json plus one file per feature, each owning distinct top-level keys.
import type { Locale } from '../contracts/common';
import { LOCALES } from '../contracts/common';
import enErrors from './locales/en/errors.json';
import zhCNErrors from './locales/zh-CN/errors.json';
import zhTWErrors from './locales/zh-TW/errors.json';
import jaErrors from './locales/ja/errors.json';

export const errorCatalogues: Record<Locale, typeof enErrors> = {
  en: enErrors,
  'zh-CN': zhCNErrors,
  'zh-TW': zhTWErrors,
  ja: jaErrors,
};

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    const match = matchLocale(tag);
    if (match) return match;
  }
  return fallback;
}

export function matchLocale(tag: string): Locale | undefined {
  const t = tag.toLowerCase();
  const exact = LOCALES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  if (t.startsWith('zh')) {
    return /hant|tw|hk|mo/.test(t) ? 'zh-TW' : 'zh-CN';
  }
  if (t.startsWith('ja')) return 'ja';
  if (t.startsWith('en')) return 'en';
  return undefined;
}

/** `{{name}}` interpolation, the i18next syntax, for the server side. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? `{{${k}}}`));
}

export type CatalogueTree = { [key: string]: string | CatalogueTree };

/** Merges a locale's feature files into one tree; two files claiming one top-level key is a bug. */
export function mergeCatalogueFiles(files: Array<{ name: string; tree: CatalogueTree }>): CatalogueTree {
  const out: CatalogueTree = {};
  const owner = new Map<string, string>();
  for (const { name, tree } of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const [key, value] of Object.entries(tree)) {
      const before = owner.get(key);
      if (before) throw new Error(`i18n: top-level key "${key}" is in both ${before} and ${name}`);
      owner.set(key, name);
      out[key] = value;
    }
  }
  return out;
}
