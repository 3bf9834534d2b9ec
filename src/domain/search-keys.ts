// CJK-aware search keys for customers: what goes into the indexed search column of a customer, and how
// a search-box input is classified and normalised so that it can be compared with those keys.
import { foldHan, foldHanVariants, normalizeWidthAndCase } from './han-fold';
import { kanaKeys, normalizeQueryKana } from './kana-keys';
import { pinyinKeys, type NameParts } from './pinyin-keys';

export { foldHan, foldHanVariants } from './han-fold';
export { kanaKeys, looseRomaji, normalizeQueryKana, type KanaKeys } from './kana-keys';
export { pinyinKeys, splitChineseName, MAX_PINYIN_CANDIDATES, type NameParts, type PinyinKeys } from './pinyin-keys';

export type NameSearchInput = NameParts & { reading?: string | null };

const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HAN = /\p{Script=Han}/u;

function addKana(tokens: string[], text: string): void {
  const keys = kanaKeys(text);
  tokens.push(keys.hiragana, keys.romaji, keys.looseRomaji);
}

/**
 * One space-separated string holding every searchable form of a name, for a trigram or prefix index:
 * the folded name in both orders (张伟, 伟张) with Japanese-variant forms, pinyin in full and initials
 * (zhangwei, zw, and the given-name-first spelling weizhang), and the reading in hiragana and romaji
 * (やまだはなこ, yamadahanako, and hanakoyamada when the reading has two parts).
 */
export function buildNameSearchText(input: NameSearchInput): string {
  const family = input.familyName.trim();
  const given = input.givenName.trim();
  const tokens: string[] = [];
  tokens.push(...foldHanVariants(family + given), foldHan(given + family));
  if (HAN.test(family + given)) {
    const keys = pinyinKeys({ familyName: family, givenName: given });
    tokens.push(...keys.full, ...keys.initials);
    const givenFirst = pinyinKeys({ familyName: '', givenName: given }).full[0];
    const familyOnly = pinyinKeys({ familyName: family, givenName: '' }).full[0];
    if (givenFirst && familyOnly) tokens.push(givenFirst + familyOnly);
  }
  if (KANA.test(family + given)) addKana(tokens, family + given);
  const reading = input.reading?.trim();
  if (reading) {
    addKana(tokens, reading);
    const parts = reading.split(/[\s\u3000・,]+/u).filter(Boolean);
    if (parts.length === 2) addKana(tokens, `${parts[1]}${parts[0]}`);
  }
  return [...new Set(tokens.filter((t) => t.length > 0))].join(' ');
}

export type QueryKind = 'phone_tail' | 'email' | 'member_no' | 'text';

export type QueryInterpretation = {
  kind: QueryKind;
  /** What to compare: phone-tail digits, lower-case e-mail, normalised member number, folded text. */
  value: string;
  /** phone_tail: every digit typed, separators removed (138-0013-8000 → 13800138000). */
  digits?: string;
  /** text: every form to look for in the name search text (folded, Japanese-variant, hiragana, romaji). */
  forms?: string[];
};

export type NormalizedQuery = QueryInterpretation & {
  /** Other plausible readings of the same input, most likely first (0123 may be a member number too). */
  alternatives: QueryInterpretation[];
};

export const MIN_PHONE_TAIL_DIGITS = 4;
// Beyond this many digits the input is a whole number: leading zeros are a trunk (0) or international
// (00) prefix that E.164 does not store, so they are dropped to keep the value a suffix of the E.164 form.
const WHOLE_NUMBER_DIGITS = 9;

/**
 * s.normalize('NFKC'), without the call for plain ASCII (always its own NFKC form): an import of a
 * million rows folds ten cells a row, nearly all of them ASCII.
 */
export function nfkc(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return s.normalize('NFKC');
  return s;
}

/** Member numbers compare in upper case without spaces or dashes (vip-00123 → VIP00123). */
export function normalizeMemberNo(raw: string): string {
  return nfkc(raw)
    .toUpperCase()
    .replace(/[\s\-_‐-―]/gu, '');
}

/** The forms a text query is compared with. */
export function textQueryForms(query: string): string[] {
  const forms = [...foldHanVariants(query)];
  const cleaned = normalizeWidthAndCase(query);
  if (KANA.test(cleaned)) forms.push(kanaKeys(cleaned).hiragana);
  const romaji = normalizeQueryKana(query);
  if (romaji) forms.push(romaji);
  return [...new Set(forms.filter((f) => f.length > 0))];
}

function textInterpretation(query: string): QueryInterpretation {
  const forms = textQueryForms(query);
  return { kind: 'text', value: forms[0] ?? '', forms };
}

/**
 * Classifies a search-box input: ≥ 4 digits in any format (full-width, dashes, spaces, +86) is a phone
 * tail, an @ is an e-mail, a code mixing letters and digits is a member number, anything else is text.
 * Ambiguous inputs list their other readings in `alternatives`.
 */
export function normalizeQuery(raw: string): NormalizedQuery {
  const query = raw.normalize('NFKC').trim();
  if (query.includes('@')) {
    return { kind: 'email', value: query.toLowerCase().replace(/\s+/g, ''), alternatives: [] };
  }
  const compact = query.replace(/[\s\-‐-―()./・]/gu, '');
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.replace('+', '');
    const memberNo: QueryInterpretation = { kind: 'member_no', value: normalizeMemberNo(digits) };
    if (digits.length < MIN_PHONE_TAIL_DIGITS) return { ...textInterpretation(query), alternatives: [memberNo] };
    const withoutPrefix = digits.replace(/^0+/, '');
    const value =
      digits.length >= WHOLE_NUMBER_DIGITS && withoutPrefix.length >= MIN_PHONE_TAIL_DIGITS ? withoutPrefix : digits;
    return { kind: 'phone_tail', value, digits, alternatives: [memberNo] };
  }
  if (/^[a-z0-9\-_]+$/i.test(compact) && /\d/.test(compact) && /[a-z]/i.test(compact)) {
    return { kind: 'member_no', value: normalizeMemberNo(compact), alternatives: [textInterpretation(query)] };
  }
  return { ...textInterpretation(query), alternatives: [] };
}
