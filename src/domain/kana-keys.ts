// Search keys for a Japanese reading (furigana): hiragana, katakana and romaji all meet in one
// comparable form, so ヤマダ, やまだ, ﾔﾏﾀﾞ and yamada find the same customer.
import { toHiragana, toKatakana, toRomaji } from 'wanakana';
import { normalizeWidthAndCase, stripSearchPunctuation } from './han-fold';

export type KanaKeys = {
  /** The reading in hiragana, long-vowel marks spelled out (ラーメン → らあめん). */
  hiragana: string;
  /** Hepburn romaji as wanakana writes it, letters and digits only (しんいち → shinichi). */
  romaji: string;
  /** Romaji with long vowels collapsed (おおた oota → ota, こうじ kouji → koji): the comparable form. */
  looseRomaji: string;
};

/**
 * Collapses the spellings of long vowels that people mix when typing romaji: ō, oo, ou, oh → o;
 * uu → u; aa, ii, ee → a, i, e.
 */
export function looseRomaji(romaji: string): string {
  return romaji
    .replace(/oh(?![aiueoy])/g, 'o')
    .replace(/o[ou]/g, 'o')
    .replace(/([aiue])\1/g, '$1');
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

function cleanReading(text: string): string {
  // NFKC turns half-width katakana into full width; ー and 々 survive the punctuation strip.
  return stripSearchPunctuation(normalizeWidthAndCase(text));
}

/** Hiragana, romaji and loose romaji of a reading given in hiragana, katakana or romaji. */
export function kanaKeys(reading: string): KanaKeys {
  const cleaned = cleanReading(reading);
  // Through katakana first: wanakana spells out ー only when converting from katakana, so ラーメン
  // and らーめん end up the same.
  const hiragana = toHiragana(toKatakana(cleaned));
  const hasKana = KANA.test(cleaned);
  // Romaji typed by the user is kept as spelled (ohta); kana are romanised.
  const romaji = (hasKana ? toRomaji(hiragana) : cleaned).replace(/[^a-z0-9]/g, '');
  return { hiragana, romaji, looseRomaji: looseRomaji(romaji) };
}

/**
 * The comparable form of a kana or romaji query (loose romaji), or null when the query holds neither
 * kana nor Latin letters (a Chinese name, digits).
 */
export function normalizeQueryKana(query: string): string | null {
  const cleaned = cleanReading(query);
  if (!/[a-z]/.test(cleaned) && !KANA.test(cleaned)) return null;
  const keys = kanaKeys(cleaned);
  return keys.looseRomaji.length > 0 ? keys.looseRomaji : null;
}
