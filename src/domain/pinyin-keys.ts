// Pinyin search keys for a Chinese name: full pinyin without tones or spaces (zhangwei) and initials (zw).
// Surnames are read with their surname reading first (曾 zeng, 单 shan, 解 xie), the ordinary reading
// second, because staff may type either.
import { pinyin } from 'pinyin-pro';
import { foldHan } from './han-fold';

export type NameParts = { familyName: string; givenName: string };

export type PinyinKeys = {
  /** Full pinyin candidates, most likely first (at most {@link MAX_PINYIN_CANDIDATES}). */
  full: string[];
  /** Initials of the same candidates, deduplicated. */
  initials: string[];
};

export const MAX_PINYIN_CANDIDATES = 4;

// Compound surnames whose two characters belong together (read in surname mode as one unit).
const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '令狐',
  '夏侯',
  '端木',
  '南宫',
  '西门',
  '独孤',
  '万俟',
  '呼延',
  '轩辕',
  '澹台',
  '申屠',
  '太史',
  '钟离',
  '闻人',
  '赫连',
  '百里',
  '东郭',
  '公冶',
  '濮阳',
  '淳于',
  '单于',
  '拓跋',
  '司空',
  '左丘',
  '第五',
  '鲜于',
]);

type Syllables = string[];

// Han runs become pinyin syllables, Latin/digit runs stay as one "syllable", anything else (kana) is dropped.
function readings(text: string, asSurname: boolean): Syllables[] {
  const folded = foldHan(text);
  const segments = folded.match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? [];
  const build = (surnameMode: boolean): Syllables =>
    segments.flatMap((segment) => {
      if (!/\p{Script=Han}/u.test(segment)) return [segment];
      const syllables = pinyin(segment, {
        toneType: 'none',
        type: 'array',
        v: true,
        ...(surnameMode ? { mode: 'surname' as const } : {}),
      });
      // Characters pinyin-pro cannot read come back unchanged: drop them rather than index a kanji.
      return syllables.filter((s) => /^[a-z]+$/.test(s));
    });
  const variants = asSurname ? [build(true), build(false)] : [build(false)];
  return dedupe(variants.filter((v) => v.length > 0));
}

function expandIterationMarks(text: string): string {
  return text.replace(/(\p{Script=Han})々/gu, '$1$1');
}

function dedupe(list: Syllables[]): Syllables[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const key = s.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ü is written v (as on Chinese keyboards); people also type u, so that spelling is a later candidate.
function withUmlautVariants(list: Syllables[]): Syllables[] {
  const extra = list
    .filter((s) => s.some((x) => x.includes('v')))
    .map((s) => s.map((x) => x.replace(/^([nl])v/, '$1u')));
  return dedupe([...list, ...extra]);
}

/** Splits a full name written family-first into its surname (single or compound) and given name. */
export function splitChineseName(name: string): NameParts {
  const chars = [...foldHan(name)];
  if (chars.length === 0 || !/\p{Script=Han}/u.test(chars[0] ?? '')) return { familyName: '', givenName: name };
  const width = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return { familyName: chars.slice(0, width).join(''), givenName: chars.slice(width).join('') };
}

/**
 * Pinyin keys of a name, family name first. A plain string is split into surname and given name
 * (compound surnames recognised); pass the parts when they are known.
 */
export function pinyinKeys(name: string | NameParts): PinyinKeys {
  const parts = typeof name === 'string' ? splitChineseName(name) : name;
  // 々 repeats the previous character (佐々木 = 佐佐木), which may be the last one of the surname.
  const familyName = expandIterationMarks(parts.familyName);
  const lastOfFamily = [...familyName].at(-1) ?? '';
  const givenName = expandIterationMarks(lastOfFamily + parts.givenName).slice(lastOfFamily.length);
  const family = readings(familyName, true);
  const given = readings(givenName, false);
  const combos: Syllables[] = [];
  for (const f of family.length > 0 ? family : [[]]) {
    for (const g of given.length > 0 ? given : [[]]) combos.push([...f, ...g]);
  }
  const candidates = withUmlautVariants(combos.filter((c) => c.length > 0)).slice(0, MAX_PINYIN_CANDIDATES);
  return {
    full: unique(candidates.map((c) => c.join(''))),
    initials: unique(candidates.map((c) => c.map((s) => s[0] ?? '').join(''))),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}
