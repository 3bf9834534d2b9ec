// Server and CLI only: the `app` namespace read from disk, for e-mails, pages the server renders and
// CLI output. The web app bundles its catalogues itself (src/web/app/i18n.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../contracts/common';
import { interpolate, mergeCatalogueFiles, type CatalogueTree } from './index';

let serverCatalogues: Map<Locale, CatalogueTree> | undefined;

/** The `app` namespace of a locale, read from disk (server and CLI only; the web app bundles its own). */
export function appCatalogue(locale: Locale): CatalogueTree {
  if (!serverCatalogues) {
    serverCatalogues = new Map();
    const dir = fileURLToPath(new URL('./locales', import.meta.url));
    for (const l of LOCALES) {
      const files = readdirSync(`${dir}/${l}`)
        .filter((f) => f.endsWith('.json') && f !== 'errors.json')
        .map((f) => ({ name: f, tree: JSON.parse(readFileSync(`${dir}/${l}/${f}`, 'utf8')) as CatalogueTree }));
      serverCatalogues.set(l, mergeCatalogueFiles(files));
    }
  }
  return serverCatalogues.get(locale)!;
}

/** Server-side `t`: a dotted key of the `app` namespace, falling back to English, then to the key. */
export function appText(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const find = (tree: CatalogueTree | undefined) =>
    key
      .split('.')
      .reduce<CatalogueTree | string | undefined>(
        (node, part) => (node && typeof node === 'object' ? node[part] : undefined),
        tree,
      );
  const hit = find(appCatalogue(locale));
  const text = typeof hit === 'string' ? hit : find(appCatalogue('en'));
  return interpolate(typeof text === 'string' ? text : key, params);
}
