// Calendar days as `YYYY-MM-DD` strings, for date fields that follow the UI language rather than the
// browser's (the native date picker speaks the browser's locale). Pure: no time zone is involved except
// in `todayIn`, which asks for the store's.
import { intlLocale } from './format';

// Full-width digits and punctuation (２０２６／３／１５) typed with a CJK input method.
const FULL_WIDTH = /[\uff01-\uff5e]/g;

function isRealDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');
export const toDay = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export function partsOf(day: string): { year: number; month: number; day: number } {
  const [y, m, d] = day.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

/**
 * What a person typed, as a day: `2026-03-15`, `2026/3/15`, `2026.3.15`, `20260315`, `2026年3月15日`,
 * full-width digits too. `null` for an empty field, `undefined` when it is not a real date.
 */
export function parseDayInput(text: string): string | null | undefined {
  const s = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (s === '') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDay(y, mo, d) ? toDay(y, mo, d) : undefined;
}

export function addDays(day: string, n: number): string {
  const { year, month, day: d } = partsOf(day);
  const at = new Date(Date.UTC(year, month - 1, d + n));
  return toDay(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** Same day of another month, or that month's last day (31 January + 1 month = 28/29 February). */
export function addMonths(day: string, n: number): string {
  const { year, month, day: d } = partsOf(day);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return toDay(y, m, Math.min(d, daysInMonth(y, m)));
}

export function clampDay(day: string, min?: string, max?: string): string {
  if (min && day < min) return min;
  if (max && day > max) return max;
  return day;
}

/** Today's date in a time zone (the store's), e.g. for a "this month" period. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const utc = (day: string) => {
  const { year, month, day: d } = partsOf(day);
  return new Date(Date.UTC(year, month - 1, d));
};

/** "2026年3月15日星期日", "Sunday, 15 March 2026", in the UI language. */
export function formatDayLong(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(utc(day));
}

export function formatDayMedium(day: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(utc(day));
}

export function formatMonthTitle(year: number, month: number, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** Monday in mainland China; Sunday on calendars in Taiwan, Japan and the US-English default. */
export function firstDayOfWeek(locale: string): 0 | 1 {
  return locale === 'zh-CN' ? 1 : 0;
}

/** Short weekday names in calendar order, e.g. ["一", … "日"] or ["日", "月", … "土"]. */
export function weekdayNames(locale: string): string[] {
  const first = firstDayOfWeek(locale);
  const fmt = new Intl.DateTimeFormat(intlLocale(locale), { weekday: 'narrow', timeZone: 'UTC' });
  // 2023-01-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(Date.UTC(2023, 0, 1 + ((first + i) % 7)))));
}

/** The weeks of a month as rows of 7 days (null before the 1st and after the last day). */
export function monthWeeks(year: number, month: number, locale: string): Array<Array<string | null>> {
  const first = firstDayOfWeek(locale);
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() - first + 7) % 7;
  const cells: Array<string | null> = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(toDay(year, month, d));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** First and last day of the week containing `day`, in the locale's calendar order. */
export function weekBounds(day: string, locale: string): [string, string] {
  const offset = (utc(day).getUTCDay() - firstDayOfWeek(locale) + 7) % 7;
  const start = addDays(day, -offset);
  return [start, addDays(start, 6)];
}
