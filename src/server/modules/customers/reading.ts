// The reading of a name, filled in when staff leave it empty: pinyin for Chinese names, the name itself
// when it is written in kana. Japanese kanji names have no reliable reading without asking her.
import { pinyin } from 'pinyin-pro';

const HAN_ONLY = /^[\p{Script=Han}\s]+$/u;
const KANA_ONLY = /^[\p{Script=Hiragana}\p{Script=Katakana}ー\s・]+$/u;

export function autoReading(familyName: string, givenName: string | null, locale: string): string | null {
  const full = `${familyName}${givenName ? ` ${givenName}` : ''}`.trim();
  if (KANA_ONLY.test(full)) return full;
  if (!HAN_ONLY.test(full) || locale === 'ja') return null;
  const family = pinyin(familyName, { toneType: 'none', surname: 'head', type: 'array' }).join('');
  const given = givenName ? pinyin(givenName, { toneType: 'none', type: 'array' }).join('') : '';
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return [cap(family), cap(given)].filter(Boolean).join(' ');
}
