// Folding of CJK text for search: traditional (standard, Hong Kong and Taiwan variants) to simplified,
// full-width to half-width, lower case, no spaces or punctuation. Record and query go through the same
// function, so 張偉, 张伟 and "張 偉" compare equal.
import { Converter } from 'opencc-js/t2cn';

type Convert = (text: string) => string;

let chinese: Convert | undefined;
let japanese: Convert | undefined;

// Converters are built lazily: the dictionaries take a few milliseconds to load.
function toSimplified(text: string): string {
  if (!chinese) {
    // `t` covers OpenCC standard traditional; `hk` and `tw` add the regional variant forms (衞 → 卫, 著 → 着)
    // that the plain converter leaves untouched.
    const steps = (['t', 'hk', 'tw'] as const).map((from) => Converter({ from, to: 'cn' }));
    // Names are not phrases: convert character by character so a phrase rule (沈靜 "calm" → 沉静)
    // never rewrites a surname.
    chinese = (s) => [...s].map((ch) => steps.reduce((acc, step) => step(acc), ch)).join('');
  }
  return chinese(text);
}

function japaneseToSimplified(text: string): string {
  japanese ??= Converter({ from: 'jp', to: 'cn' });
  return japanese(text);
}

/** Removes punctuation, symbols, separators and control characters (keeps letters, digits, ー and 々). */
export function stripSearchPunctuation(text: string): string {
  return text.replace(/[\p{P}\p{S}\p{Z}\p{C}]/gu, '');
}

/** Removes accents from Latin letters (pinyin tone marks, ō) without touching kana voicing marks. */
export function stripLatinDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** NFKC, lower case, Latin accents removed: the common first step of every search normalisation. */
export function normalizeWidthAndCase(text: string): string {
  return stripLatinDiacritics(text.normalize('NFKC')).toLowerCase();
}

/**
 * Search form of a name or query: simplified Chinese, half-width, lower case, without spaces or
 * punctuation. Japanese kanji stay as written (渡辺 stays 渡辺); see {@link foldHanVariants}.
 */
export function foldHan(text: string): string {
  return stripSearchPunctuation(toSimplified(normalizeWidthAndCase(text)));
}

/**
 * The folded form plus, when it differs, a form with Japanese shinjitai mapped to simplified Chinese
 * (渡辺 → 渡边, 斎藤 → 斋藤), so a Japanese name matches the same name typed in Chinese. The second
 * form is an extra search key only: it over-maps some Chinese characters (芸 → 艺).
 */
export function foldHanVariants(text: string): string[] {
  const folded = foldHan(text);
  const viaJapanese = foldHan(japaneseToSimplified(folded));
  return viaJapanese === folded ? [folded] : [folded, viaJapanese];
}
