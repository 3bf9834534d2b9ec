// Holiday calendars per market (the store's country): which days a boutique greets its regulars on,
// for whom, and whether the greeting is on by default. Only days people actually send wishes for —
// no memorial or funeral days (清明, お盆), no shopping days (双十一, Valentine's Day).
import type { HolidayId, Market, SolarTermId } from '../../contracts/care';
import type { Labels } from '../../contracts/custom-fields';
import type { Locale } from '../../contracts/common';
import { daysBetween, isoDate, nthWeekdayOfMonth, type IsoDate } from './dates';
import type { Audience } from './facts';
import { lunarOccurrence } from './lunar-table';
import { solarTermDate } from './solar-terms';

/** How a holiday's date is found: a solar date, a lunar date, a rule ("second Sunday of May"), a solar term. */
export type HolidayDateRule =
  | { kind: 'solar'; month: number; day: number }
  | { kind: 'lunar'; month: number; day: number }
  | { kind: 'rule'; month: number; weekday: number; nth: number }
  | { kind: 'solar_term'; term: SolarTermId };

export type HolidayDefinition = {
  id: HolidayId;
  market: Market;
  date: HolidayDateRule;
  onByDefault: boolean;
  audience: Audience;
  /** Among holidays, lower is more important: it wins a merged task and the contact budget. */
  rank: number;
  labels: Labels;
};

export const HOLIDAY_LABELS: Record<HolidayId, Labels> = {
  new_year: { 'zh-CN': '元旦', 'zh-TW': '元旦', ja: '元日', en: 'New Year’s Day' },
  spring_festival: { 'zh-CN': '春节', 'zh-TW': '春節', ja: '旧正月', en: 'Lunar New Year' },
  lantern: { 'zh-CN': '元宵节', 'zh-TW': '元宵節', ja: '元宵節', en: 'Lantern Festival' },
  womens_day: { 'zh-CN': '三八妇女节', 'zh-TW': '婦女節', ja: '国際女性デー', en: 'International Women’s Day' },
  mothers_day: { 'zh-CN': '母亲节', 'zh-TW': '母親節', ja: '母の日', en: 'Mother’s Day' },
  dragon_boat: { 'zh-CN': '端午节', 'zh-TW': '端午節', ja: '端午節', en: 'Dragon Boat Festival' },
  fathers_day: { 'zh-CN': '父亲节', 'zh-TW': '父親節', ja: '父の日', en: 'Father’s Day' },
  qixi: { 'zh-CN': '七夕', 'zh-TW': '七夕', ja: '七夕（旧暦）', en: 'Qixi Festival' },
  teachers_day: { 'zh-CN': '教师节', 'zh-TW': '教師節', ja: '教師の日', en: 'Teachers’ Day' },
  mid_autumn: { 'zh-CN': '中秋节', 'zh-TW': '中秋節', ja: '中秋節', en: 'Mid-Autumn Festival' },
  national_day: { 'zh-CN': '国庆节', 'zh-TW': '國慶節', ja: '国慶節', en: 'National Day' },
  double_ten: { 'zh-CN': '双十节', 'zh-TW': '國慶日', ja: '双十節', en: 'Double Tenth Day' },
  double_ninth: { 'zh-CN': '重阳节', 'zh-TW': '重陽節', ja: '重陽節', en: 'Double Ninth Festival' },
  winter_solstice: { 'zh-CN': '冬至', 'zh-TW': '冬至', ja: '冬至', en: 'Winter Solstice' },
  christmas: { 'zh-CN': '圣诞节', 'zh-TW': '聖誕節', ja: 'クリスマス', en: 'Christmas' },
  shogatsu: { 'zh-CN': '新年', 'zh-TW': '新年', ja: 'お正月', en: 'New Year' },
  seijin_no_hi: { 'zh-CN': '成人日', 'zh-TW': '成人之日', ja: '成人の日', en: 'Coming of Age Day' },
  keiro_no_hi: { 'zh-CN': '敬老日', 'zh-TW': '敬老之日', ja: '敬老の日', en: 'Respect for the Aged Day' },
  year_end: { 'zh-CN': '年末', 'zh-TW': '年末', ja: '年末のご挨拶', en: 'Year’s end' },
};

const solar = (month: number, day: number): HolidayDateRule => ({ kind: 'solar', month, day });
const lunar = (month: number, day: number): HolidayDateRule => ({ kind: 'lunar', month, day });
const nth = (month: number, weekday: number, n: number): HolidayDateRule => ({ kind: 'rule', month, weekday, nth: n });
const SUNDAY = 0;
const MONDAY = 1;
const everyone: Audience = { kind: 'everyone' };

type Row = [HolidayId, HolidayDateRule, boolean, Audience, number];

// [id, date, on by default, audience, rank]
const ROWS: Record<Market, Row[]> = {
  CN: [
    ['new_year', solar(1, 1), true, everyone, 7],
    ['spring_festival', lunar(1, 1), true, everyone, 1],
    ['lantern', lunar(1, 15), false, everyone, 9],
    ['womens_day', solar(3, 8), true, { kind: 'women' }, 5],
    ['mothers_day', nth(5, SUNDAY, 2), true, { kind: 'mothers' }, 3],
    ['dragon_boat', lunar(5, 5), true, everyone, 6],
    ['fathers_day', nth(6, SUNDAY, 3), true, { kind: 'fathers' }, 3],
    ['qixi', lunar(7, 7), false, everyone, 9],
    ['teachers_day', solar(9, 10), true, { kind: 'teachers' }, 5],
    ['mid_autumn', lunar(8, 15), true, everyone, 2],
    ['national_day', solar(10, 1), true, everyone, 8],
    ['double_ninth', lunar(9, 9), true, { kind: 'elders', minAge: 60 }, 4],
    ['christmas', solar(12, 25), false, everyone, 8],
  ],
  TW: [
    ['new_year', solar(1, 1), true, everyone, 7],
    ['spring_festival', lunar(1, 1), true, everyone, 1],
    ['lantern', lunar(1, 15), false, everyone, 9],
    ['womens_day', solar(3, 8), false, { kind: 'women' }, 5],
    ['mothers_day', nth(5, SUNDAY, 2), true, { kind: 'mothers' }, 3],
    ['dragon_boat', lunar(5, 5), true, everyone, 6],
    ['qixi', lunar(7, 7), false, everyone, 9],
    ['fathers_day', solar(8, 8), true, { kind: 'fathers' }, 3],
    ['mid_autumn', lunar(8, 15), true, everyone, 2],
    ['teachers_day', solar(9, 28), true, { kind: 'teachers' }, 5],
    ['double_ten', solar(10, 10), false, everyone, 8],
    ['double_ninth', lunar(9, 9), true, { kind: 'elders', minAge: 65 }, 4],
    ['winter_solstice', { kind: 'solar_term', term: 'dong_zhi' }, false, everyone, 9],
    ['christmas', solar(12, 25), false, everyone, 8],
  ],
  HK: [
    ['new_year', solar(1, 1), false, everyone, 7],
    ['spring_festival', lunar(1, 1), true, everyone, 1],
    ['lantern', lunar(1, 15), false, everyone, 9],
    ['womens_day', solar(3, 8), false, { kind: 'women' }, 5],
    ['mothers_day', nth(5, SUNDAY, 2), true, { kind: 'mothers' }, 3],
    ['dragon_boat', lunar(5, 5), true, everyone, 6],
    ['fathers_day', nth(6, SUNDAY, 3), true, { kind: 'fathers' }, 3],
    ['qixi', lunar(7, 7), false, everyone, 9],
    ['teachers_day', solar(9, 10), false, { kind: 'teachers' }, 5],
    // The greeting is for the festival night (15th of the 8th month), not the public holiday after it.
    ['mid_autumn', lunar(8, 15), true, everyone, 2],
    ['double_ninth', lunar(9, 9), true, { kind: 'elders', minAge: 65 }, 4],
    ['winter_solstice', { kind: 'solar_term', term: 'dong_zhi' }, false, everyone, 9],
    ['christmas', solar(12, 25), true, everyone, 7],
  ],
  JP: [
    ['shogatsu', solar(1, 1), true, everyone, 1],
    ['seijin_no_hi', nth(1, MONDAY, 2), true, { kind: 'coming_of_age', age: 20 }, 4],
    ['mothers_day', nth(5, SUNDAY, 2), true, { kind: 'mothers' }, 3],
    ['fathers_day', nth(6, SUNDAY, 3), true, { kind: 'fathers' }, 3],
    // Off by default: many customers in their sixties and seventies would rather not be greeted as elders
    // by a shop; switch it on where the clientele welcomes it.
    ['keiro_no_hi', nth(9, MONDAY, 3), false, { kind: 'elders', minAge: 70 }, 4],
    ['christmas', solar(12, 25), false, everyone, 8],
    ['year_end', solar(12, 28), false, everyone, 7],
  ],
};

export const MARKET_TIME_ZONES: Record<Market, string> = {
  CN: 'Asia/Shanghai',
  TW: 'Asia/Taipei',
  HK: 'Asia/Hong_Kong',
  JP: 'Asia/Tokyo',
};

const DEFINITIONS: Record<Market, HolidayDefinition[]> = Object.fromEntries(
  (Object.keys(ROWS) as Market[]).map((market) => [
    market,
    ROWS[market].map(([id, date, onByDefault, audience, rank]) => ({
      id,
      market,
      date,
      onByDefault,
      audience,
      rank,
      labels: HOLIDAY_LABELS[id],
    })),
  ]),
) as Record<Market, HolidayDefinition[]>;

/** The market whose calendar a store follows, from its country (Macau follows Hong Kong); null: none. */
export function marketOf(country: string): Market | null {
  const c = country.toUpperCase();
  if (c === 'MO') return 'HK';
  return c === 'CN' || c === 'TW' || c === 'HK' || c === 'JP' ? c : null;
}

/** Every holiday a market knows, on by default or not. */
export function holidaysOf(market: Market): readonly HolidayDefinition[] {
  return DEFINITIONS[market];
}

export function holidayDefinition(market: Market, id: HolidayId): HolidayDefinition | undefined {
  return DEFINITIONS[market].find((h) => h.id === id);
}

/** The date of a holiday rule in a solar year. */
export function dateOfRule(rule: HolidayDateRule, year: number, timeZone: string): IsoDate {
  switch (rule.kind) {
    case 'solar':
      return isoDate(year, rule.month, rule.day);
    case 'lunar':
      // Months 1–10 of lunar year Y always fall in solar year Y (month 11 holds the winter solstice).
      return lunarOccurrence(year, rule.month, rule.day, false);
    case 'rule': {
      const date = nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.nth);
      if (!date) throw new RangeError(`No such weekday: ${JSON.stringify(rule)} in ${year}`);
      return date;
    }
    case 'solar_term':
      return solarTermDate(rule.term, year, timeZone);
  }
}

/** The date of a market's holiday in a solar year, or null when the market does not have it. */
export function holidayDate(market: Market, id: HolidayId, year: number, timeZone?: string): IsoDate | null {
  const def = holidayDefinition(market, id);
  return def ? dateOfRule(def.date, year, timeZone ?? MARKET_TIME_ZONES[market]) : null;
}

export type HolidayOccurrence = { holiday: HolidayDefinition; date: IsoDate };

const yearCache = new Map<string, HolidayOccurrence[]>();

/** A market's holidays in a solar year, by date. */
export function holidaysInYear(market: Market, year: number, timeZone?: string): HolidayOccurrence[] {
  const tz = timeZone ?? MARKET_TIME_ZONES[market];
  const key = `${market}|${year}|${tz}`;
  let list = yearCache.get(key);
  if (!list) {
    list = DEFINITIONS[market]
      .map((holiday) => ({ holiday, date: dateOfRule(holiday.date, year, tz) }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.holiday.rank - b.holiday.rank);
    yearCache.set(key, list);
  }
  return list;
}

const rangeCache = new Map<string, HolidayOccurrence[]>();

/** A market's holidays with a date in [from, to]. */
export function holidaysBetween(market: Market, from: IsoDate, to: IsoDate, timeZone?: string): HolidayOccurrence[] {
  if (daysBetween(from, to) < 0) return [];
  // Every customer of a day asks for the same ranges.
  const key = `${market}|${from}|${to}|${timeZone ?? ''}`;
  const hit = rangeCache.get(key);
  if (hit) return hit;
  const out: HolidayOccurrence[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) {
    for (const h of holidaysInYear(market, y, timeZone)) if (h.date >= from && h.date <= to) out.push(h);
  }
  if (rangeCache.size > 5_000) rangeCache.clear();
  rangeCache.set(key, out);
  return out;
}

/** Whether a holiday is switched on: the organisation's choice, else the market default. */
export function isHolidayEnabled(def: HolidayDefinition, overrides: Partial<Record<HolidayId, boolean>>): boolean {
  return overrides[def.id] ?? def.onByDefault;
}

export function holidayLabel(id: HolidayId, locale: Locale): string {
  return HOLIDAY_LABELS[id][locale];
}

/** The holidays on one day (for the engine's SQL-side selection and the calendar screen). */
export function holidaysOn(market: Market, date: IsoDate, timeZone?: string): HolidayOccurrence[] {
  return holidaysBetween(market, date, date, timeZone);
}
