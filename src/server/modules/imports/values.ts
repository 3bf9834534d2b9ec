// Cell values as spreadsheets hold them → the values of a customer file. Pure functions: full-width
// characters folded (NFKC), dates in the local formats people type, Excel serial numbers, yes/no in four
// languages, lunar birthdays written 08-15 or 闰04-10, and full names split into family and given name.
import { LOCALES, type Locale } from '../../../contracts/common';
import { nfkc, splitChineseName } from '../../../domain/search-keys';
import { isValidLunarDate } from '../../../domain/lunar';

export type Cell = string | number | boolean | Date | null;
/** A refusal carries a stable code and its params (translated in the UI) and an English message (CLI). */
export type Problem = { code: string; params: Record<string, string | number>; message: string };
export type Parsed<T> = { ok: true; value: T } | ({ ok: false } & Problem);

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: string, params: Record<string, string | number>, message: string): Parsed<never> => ({
  ok: false,
  code,
  params,
  message,
});

/** Text of a cell, NFKC-folded (full-width digits and letters become ASCII) and trimmed; '' when empty. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  // A leading apostrophe is Excel's "keep this as text" marker (and our CSV export's formula guard).
  const s = nfkc(cell);
  return (s.charCodeAt(0) === 0x27 ? s.replace(/^'(?=[+\-=@\d])/, '') : s).trim();
}

const pad = (n: number) => String(n).padStart(2, '0');

// 1900-01-00 is serial 0; Excel counts a 29 February 1900 that never was, so serials from 61 on are
// one day ahead of the real calendar — counting from 1899-12-30 absorbs that.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const MIN_SERIAL = 61; // 1900-03-01
const MAX_SERIAL = 2958465; // 9999-12-31

export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function calendarDate(y: number, m: number, d: number, written: string): Parsed<string> {
  if (m < 1 || m > 12) return bad('no_such_month', { value: written, month: m }, `"${written}" has no month ${m}`);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (d < 1 || probe.getUTCMonth() !== m - 1)
    return bad(
      'no_such_day',
      { value: written, month: `${y}-${pad(m)}`, day: d },
      `"${written}" is not a real date (${y}-${pad(m)} has no day ${d})`,
    );
  return ok(`${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`);
}

const ERAS: Record<string, number> = {
  明治: 1868,
  大正: 1912,
  昭和: 1926,
  平成: 1989,
  令和: 2019,
  M: 1868,
  T: 1912,
  S: 1926,
  H: 1989,
  R: 2019,
  民國: 1911,
  民国: 1911,
};

/** A date as people write it: 1985-03-12, 1985/3/12, 1985.3.12, 1985年3月12日, 昭和60年3月12日, 19850312, 3/25/1985, or an Excel serial. */
export function parseDate(cell: Cell): Parsed<string | null> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad('not_a_date', { value: '' }, 'Not a date');
    // Excel dates carry no time zone; exceljs gives them as UTC midnight.
    return ok(`${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`);
  }
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 19000101 && cell <= 21001231) return parseDate(String(cell)); // 19850312
    const d = excelSerialToDate(cell);
    return d ? ok(d) : bad('not_a_date', { value: cell }, `${cell} is not a date`);
  }
  const text = cellText(cell).replace(/\s+/g, ' ');
  if (!text) return ok(null);
  const plain = text.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, ''); // a time part exported with the date
  let m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(plain) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(plain) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(plain);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = /^(明治|大正|昭和|平成|令和|民國|民国|[MTSHR])\s?(\d{1,3}|元)[年./-](\d{1,2})[月./-](\d{1,2})日?$/.exec(plain);
  if (m)
    return calendarDate(
      ERAS[m[1]!]! + (m[2] === '元' ? 1 : Number(m[2])) - (m[1]!.startsWith('民') ? 0 : 1),
      Number(m[3]),
      Number(m[4]),
      text,
    );
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(plain);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // 25/3/1985 can only be day-first and 3/25/1985 only month-first; 3/4/1985 could be either.
    if (a > 12 && b <= 12) return calendarDate(y, b, a, text);
    if (b > 12 || a === b) return calendarDate(y, a, b, text);
    return bad('ambiguous_date', { value: text }, `"${text}" could be day/month or month/day; write it as YYYY-MM-DD`);
  }
  if (/^\d{4,7}(\.\d+)?$/.test(plain)) {
    const d = excelSerialToDate(Number(plain));
    if (d) return ok(d);
  }
  return bad('not_a_date', { value: text }, `"${text}" is not a date; write it as YYYY-MM-DD`);
}

/** A birthday: a real date, not in the future, not before 1900. */
export function parseBirthday(cell: Cell, today: string): Parsed<string | null> {
  const r = parseDate(cell);
  if (!r.ok || r.value === null) return r;
  if (r.value > today) return bad('date_in_future', { value: r.value }, `${r.value} is in the future`);
  if (r.value < '1900-01-01')
    return bad('date_too_old', { value: r.value }, `${r.value} is too long ago for a birthday`);
  return r;
}

export type LunarBirthday = { month: number; day: number; isLeapMonth: boolean; year: number | null };

/** 08-15, 8/15, 8月15日, 闰04-10 / 閏4月10日 (leap month), optionally with a lunar year first: 1985-08-15. */
export function parseLunarBirthday(cell: Cell): Parsed<LunarBirthday | null> {
  const text = cellText(cell).replace(/\s+/g, '');
  if (!text) return ok(null);
  const m = /^(?:(?:农历|農曆|旧暦|陰曆|阴历))?(?:(\d{4})[-/.年])?(闰|閏|leap)?(\d{1,2})[-/.月](\d{1,2})日?$/i.exec(
    text,
  );
  if (!m)
    return bad(
      'not_a_lunar_date',
      { value: text },
      `"${text}" is not a lunar month and day; write MM-DD, or 闰MM-DD for a leap month`,
    );
  const [year, isLeapMonth, month, day] = [m[1] ? Number(m[1]) : null, Boolean(m[2]), Number(m[3]), Number(m[4])];
  if (month < 1 || month > 12) return bad('not_a_lunar_date', { value: text }, `"${text}": a lunar month is 1 to 12`);
  if (day < 1 || day > 30) return bad('not_a_lunar_date', { value: text }, `"${text}": a lunar day is 1 to 30`);
  if (year !== null && (year < 1900 || year > 2100 || !isValidLunarDate(year, month, day, isLeapMonth)))
    return bad('no_such_lunar_date', { value: text }, `"${text}" does not exist in the lunar calendar`);
  return ok({ month, day, isLeapMonth, year });
}

const GENDER_WORDS: Record<string, 'female' | 'male' | 'other'> = {
  女: 'female',
  女性: 'female',
  女士: 'female',
  f: 'female',
  female: 'female',
  woman: 'female',
  w: 'female',
  男: 'male',
  男性: 'male',
  男士: 'male',
  m: 'male',
  male: 'male',
  man: 'male',
  其他: 'other',
  其它: 'other',
  その他: 'other',
  other: 'other',
  x: 'other',
};

export function parseGender(cell: Cell): Parsed<'female' | 'male' | 'other' | null> {
  const text = cellText(cell).toLowerCase();
  if (!text) return ok(null);
  const g = GENDER_WORDS[text];
  return g ? ok(g) : bad('unknown_gender', { value: text }, `"${text}" is not a gender; use 女/男, F/M or female/male`);
}

/** Each language named in itself: what the export writes and the import reads back. */
export const LANGUAGE_ENDONYMS: Record<Locale, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  ja: '日本語',
  en: 'English',
};

// The ways a file names a language: codes (zh-CN, zh_Hant, ja-JP…), and the language's name in itself
// and in the other three languages. Compared after foldLanguage().
const LANGUAGE_WORDS: Record<Locale, string[]> = {
  'zh-CN': [
    'zh-CN',
    'zh-Hans',
    'zh-Hans-CN',
    'zh-SG',
    '简体中文',
    '簡體中文',
    '简体',
    '簡體',
    '简中',
    '中文简体',
    '中文簡體',
    '中文（简体）',
    '简体字',
    '簡体字',
    '簡体中文',
    '中国語簡体字',
    '中国語（簡体字）',
    '普通话',
    '普通話',
    'Simplified Chinese',
    'Chinese (Simplified)',
    'Chinese Simplified',
  ],
  'zh-TW': [
    'zh-TW',
    'zh-HK',
    'zh-MO',
    'zh-Hant',
    'zh-Hant-TW',
    'zh-Hant-HK',
    '繁體中文',
    '繁体中文',
    '繁體',
    '繁体',
    '繁中',
    '中文繁體',
    '中文繁体',
    '中文（繁體）',
    '繁體字',
    '繁体字',
    '中国語繁体字',
    '中国語（繁体字）',
    'Traditional Chinese',
    'Chinese (Traditional)',
    'Chinese Traditional',
  ],
  ja: ['ja', 'ja-JP', 'jp', '日本語', '日语', '日語', '日文', 'にほんご', 'Japanese'],
  en: ['en', 'en-US', 'en-GB', 'en-AU', 'en-HK', 'en-SG', 'English', '英语', '英語', '英文', 'えいご'],
};

const foldLanguage = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()（）[\]【】]/gu, '');

const LANGUAGE_OF = new Map<string, Locale>(
  LOCALES.flatMap((l) => [l, LANGUAGE_ENDONYMS[l], ...LANGUAGE_WORDS[l]].map((w) => [foldLanguage(w), l] as const)),
);

/** Her language from a cell: a locale code (zh-CN, ja…) or a language's name (简体中文, 日本語, English…). */
export function parseLanguage(cell: Cell): Parsed<Locale | null> {
  const text = cellText(cell);
  if (!text) return ok(null);
  const l = LANGUAGE_OF.get(foldLanguage(text));
  return l
    ? ok(l)
    : bad(
        'unknown_language',
        { value: text },
        `"${text}" is not a language we write in; use zh-CN, zh-TW, ja or en (or 简体中文, 繁體中文, 日本語, English)`,
      );
}

const YES = new Set([
  '是',
  '有',
  '同意',
  '可',
  '可以',
  '接受',
  'はい',
  '可能',
  '○',
  '〇',
  '◯',
  'yes',
  'y',
  'true',
  '1',
  'ok',
]);
const NO = new Set([
  '否',
  '无',
  '無',
  '不',
  '不同意',
  '不可',
  '不接受',
  'いいえ',
  '不可能',
  '×',
  '✕',
  'no',
  'n',
  'false',
  '0',
]);

export function parseYesNo(cell: Cell): Parsed<boolean | null> {
  if (typeof cell === 'boolean') return ok(cell);
  const text = cellText(cell).toLowerCase();
  if (!text) return ok(null);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return bad('not_yes_no', { value: text }, `"${text}" is not yes or no; use 是/否, はい/いいえ, yes/no or 1/0`);
}

const SKIN: Record<string, 'dry' | 'oily' | 'combination' | 'normal' | 'sensitive'> = {
  dry: 'dry',
  干性: 'dry',
  乾性: 'dry',
  干性皮肤: 'dry',
  乾性肌膚: 'dry',
  乾燥肌: 'dry',
  乾燥: 'dry',
  oily: 'oily',
  油性: 'oily',
  油性皮肤: 'oily',
  油性肌膚: 'oily',
  脂性肌: 'oily',
  脂性: 'oily',
  オイリー: 'oily',
  combination: 'combination',
  混合: 'combination',
  混合性: 'combination',
  混合性皮肤: 'combination',
  混合肌: 'combination',
  混合性肌膚: 'combination',
  normal: 'normal',
  中性: 'normal',
  中性皮肤: 'normal',
  中性肌膚: 'normal',
  普通肌: 'normal',
  普通: 'normal',
  sensitive: 'sensitive',
  敏感: 'sensitive',
  敏感性: 'sensitive',
  敏感肌: 'sensitive',
  敏感性皮肤: 'sensitive',
  敏感性肌膚: 'sensitive',
};

export function parseSkinType(cell: Cell): Parsed<'dry' | 'oily' | 'combination' | 'normal' | 'sensitive' | null> {
  const text = cellText(cell).toLowerCase().replace(/\s+/g, '');
  if (!text) return ok(null);
  const s = SKIN[text];
  return s
    ? ok(s)
    : bad(
        'unknown_skin_type',
        { value: text },
        `"${text}" is not a skin type (dry, oily, combination, normal, sensitive)`,
      );
}

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const LATIN = /^[\p{Script=Latin}'.\- ]+$/u;

/**
 * A full name in one cell → family and given name. Written with a space (山田 花子, or with a full-width space): split
 * there; Latin names are given-name first (Hanako Yamada). A Chinese name without a space: the first
 * character is the family name, or two for compound surnames (欧阳/歐陽, 司马, 诸葛…). A Japanese name
 * without a space stays whole as the family name: kanji alone cannot tell where the surname ends.
 */
export function splitFullName(raw: string, locale: string): { familyName: string; givenName: string | null } {
  const name = raw.replace(/[\s\u3000]+/gu, ' ').trim();
  const space = name.indexOf(' ');
  if (space > 0) {
    if (LATIN.test(name)) {
      const last = name.lastIndexOf(' ');
      return { familyName: name.slice(last + 1), givenName: name.slice(0, last) };
    }
    return { familyName: name.slice(0, space), givenName: name.slice(space + 1).replace(/ /g, '') || null };
  }
  if (locale !== 'ja' && !KANA.test(name) && HAN_ONLY.test(name) && [...name].length >= 2) {
    const width = [...splitChineseName(name).familyName].length || 1;
    const chars = [...name];
    return { familyName: chars.slice(0, width).join(''), givenName: chars.slice(width).join('') || null };
  }
  return { familyName: name, givenName: null };
}
