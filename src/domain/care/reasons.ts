// Reasons as people read them: the occasion carries a catalogue key (care.reasons.*) and ids; this turns
// the ids into words of the reader's language for `t(reasonKey, params)` / `appText(locale, key, params)`.
import type { Locale } from '../../contracts/common';
import { formatLunarDate } from '../lunar';
import { toMajor } from '../money';
import { holidayLabel } from './holidays';
import type { ReasonParams } from './rules/types';
import { SOLAR_TERM_LABELS } from './solar-terms';

const INTL_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', ja: 'ja-JP', en: 'en-GB' };

// A formatter per locale (making one costs far more than formatting: a guide's list of 50 tasks made
// 50), and the words per date.
const formatters = new Map<Locale, Intl.DateTimeFormat>();
const formatted = new Map<string, string>();

function formatStaffDate(date: string, locale: Locale): string {
  const key = `${locale}|${date}`;
  let text = formatted.get(key);
  if (text === undefined) {
    let f = formatters.get(locale);
    if (!f) {
      f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
        timeZone: 'UTC',
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      });
      formatters.set(locale, f);
    }
    text = f.format(new Date(`${date}T00:00:00Z`));
    if (formatted.size >= 10_000) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

const SEASONS: Record<string, Record<Locale, string>> = {
  spring: { 'zh-CN': '春季', 'zh-TW': '春季', ja: '春', en: 'spring' },
  summer: { 'zh-CN': '夏季', 'zh-TW': '夏季', ja: '夏', en: 'summer' },
  autumn: { 'zh-CN': '秋季', 'zh-TW': '秋季', ja: '秋', en: 'autumn' },
  winter: { 'zh-CN': '冬季', 'zh-TW': '冬季', ja: '冬', en: 'winter' },
};

/** Interpolation values for an occasion's reason text, in the reader's language. */
export function reasonParamsFor(params: ReasonParams, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (params.date) out.date = formatStaffDate(params.date, locale);
  if (params.holiday) out.holiday = holidayLabel(params.holiday, locale);
  if (params.term) out.season = SOLAR_TERM_LABELS[params.term][locale];
  else if (params.season) out.season = SEASONS[params.season]?.[locale] ?? params.season;
  if (params.year !== undefined) out.year = params.year;
  if (params.followUp) out.followUp = params.followUp;
  if (params.step !== undefined) out.step = params.step;
  if (params.steps !== undefined) out.steps = params.steps;
  if (params.amount !== undefined && params.currency) {
    out.amount = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency: params.currency,
      maximumFractionDigits: 0,
    }).format(toMajor(params.amount, params.currency));
  }
  if (params.lunar) out.lunar = formatLunarDate(params.lunar.month, params.lunar.day, params.lunar.isLeapMonth, locale);
  return out;
}
