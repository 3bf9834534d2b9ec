// Every catalogue file must have the same keys in every language, none of them empty, so no screen
// falls back to English (or to a raw key) in one locale only.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../contracts/audit';
import { LOCALES } from '../contracts/common';
import { ERROR_CODES } from '../contracts/errors';
import { appCatalogue, appText } from './server';

const dir = fileURLToPath(new URL('./locales', import.meta.url));
type Tree = { [k: string]: string | Tree };

function load(locale: string, file: string): Tree {
  return JSON.parse(readFileSync(`${dir}/${locale}/${file}`, 'utf8')) as Tree;
}

/** Flattens a catalogue to `a.b.c` → text. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const files = [
  ...new Set(LOCALES.flatMap((l) => readdirSync(`${dir}/${l}`).filter((f) => f.endsWith('.json')))),
].sort();

describe('i18n catalogues', () => {
  it('has the app and errors namespaces', () => {
    expect(files).toEqual(expect.arrayContaining(['app.json', 'errors.json']));
  });

  describe.each(files)('%s', (file) => {
    const catalogues = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l, file))]));
    const allKeys = [...new Set(Object.values(catalogues).flatMap((c) => [...c.keys()]))].sort();

    it.each(LOCALES)('%s has every key, none empty', (locale) => {
      const c = catalogues[locale]!;
      const missing = allKeys.filter((k) => !c.has(k));
      const empty = allKeys.filter((k) => c.has(k) && c.get(k)!.trim() === '');
      expect({ missing, empty }).toEqual({ missing: [], empty: [] });
    });

    it.each(LOCALES)('%s uses the same {{placeholders}} as English', (locale) => {
      const en = catalogues.en!;
      const c = catalogues[locale]!;
      const vars = (s: string | undefined) => [...(s ?? '').matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      const differing = [...en.keys()].filter(
        (k) => c.has(k) && JSON.stringify(vars(en.get(k))) !== JSON.stringify(vars(c.get(k))),
      );
      expect(differing).toEqual([]);
    });
  });

  it.each(LOCALES)('%s errors.json has a message for every ErrorCode', (locale) => {
    const c = flatten(load(locale, 'errors.json'));
    expect(ERROR_CODES.filter((code) => !c.get(code)?.trim())).toEqual([]);
  });

  it.each(LOCALES)('%s feature files merge into one app namespace without a shared top-level key', (locale) => {
    expect(() => appCatalogue(locale)).not.toThrow();
  });

  it('reads app texts on the server, in the asked language, with parameters', () => {
    expect(appText('ja', 'common.save')).toBe('保存');
    expect(appText('en', 'shell.userMenu', { name: 'Li' })).toBe('Account menu for Li');
    expect(appText('en', 'no.such.key')).toBe('no.such.key');
  });

  it.each(LOCALES)('%s app namespace names every audit action', (locale) => {
    const c = flatten(appCatalogue(locale) as Tree);
    expect(AUDIT_ACTIONS.filter((a) => !c.get(`audit.actions.${a}`)?.trim())).toEqual([]);
  });

  it.each(LOCALES)('%s app namespace names every audit category (the log filter’s group headings)', (locale) => {
    const c = flatten(appCatalogue(locale) as Tree);
    const categories = [...new Set(AUDIT_ACTIONS.map((a) => a.split('.')[0]!))];
    expect(categories.filter((k) => !c.get(`audit.categories.${k}`)?.trim())).toEqual([]);
  });
});
