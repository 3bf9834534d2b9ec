// Chinese lunar calendar for birthdays and holidays (lunar-typescript does the astronomy). Dates cross
// this module as 'YYYY-MM-DD' strings: calendar days, no time zone.
import { Lunar, LunarMonth, LunarYear, Solar } from 'lunar-typescript';
import type { Locale } from '../contracts/common';

export type LunarDate = { year: number; month: number; day: number; isLeap: boolean };

export const MIN_LUNAR_YEAR = 1;
export const MAX_LUNAR_YEAR = 9998;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  const [year, month, day] = [Number(match?.[1]), Number(match?.[2]), Number(match?.[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (!match || probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  }
  return { year, month, day };
}

// lunar-typescript writes a leap month as a negative month number.
function monthOf(year: number, month: number, isLeap: boolean): LunarMonth | null {
  if (!Number.isInteger(year) || year < MIN_LUNAR_YEAR || year > MAX_LUNAR_YEAR) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return LunarMonth.fromYm(year, isLeap ? -month : month);
}

/** The leap month of a lunar year (1–12), or 0 when the year has none. */
export function leapMonthOf(year: number): number {
  return LunarYear.fromYear(year).getLeapMonth();
}

/** Number of days (29 or 30) of a lunar month, or null when that month does not exist. */
export function lunarMonthDays(year: number, month: number, isLeap: boolean): number | null {
  return monthOf(year, month, isLeap)?.getDayCount() ?? null;
}

export function isValidLunarDate(year: number, month: number, day: number, isLeap: boolean): boolean {
  const days = lunarMonthDays(year, month, isLeap);
  return days !== null && Number.isInteger(day) && day >= 1 && day <= days;
}

/** Solar date of a lunar date. Throws RangeError when the date does not exist (see isValidLunarDate). */
export function lunarToSolar(year: number, month: number, day: number, isLeap: boolean): string {
  if (!isValidLunarDate(year, month, day, isLeap)) {
    throw new RangeError(`No such lunar date: ${year}-${isLeap ? 'leap ' : ''}${month}-${day}`);
  }
  return Lunar.fromYmd(year, isLeap ? -month : month, day)
    .getSolar()
    .toYmd();
}

export function solarToLunar(date: string): LunarDate {
  const { year, month, day } = parseIsoDate(date);
  const lunar = Solar.fromYmd(year, month, day).getLunar();
  const lunarMonth = lunar.getMonth();
  return { year: lunar.getYear(), month: Math.abs(lunarMonth), day: lunar.getDay(), isLeap: lunarMonth < 0 };
}

/**
 * Where a lunar birthday falls in a given lunar year: a leap-month birthday is kept in the leap month
 * when the year has that leap month and moves to the regular month otherwise; day 30 moves to day 29
 * in a 29-day month.
 */
export function lunarBirthdayInYear(year: number, month: number, day: number, isLeapMonth: boolean): string {
  if (!Number.isInteger(day) || day < 1 || day > 30 || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Not a lunar month/day: ${month}/${day}`);
  }
  const leap = isLeapMonth && leapMonthOf(year) === month;
  const days = lunarMonthDays(year, month, leap);
  if (days === null) throw new RangeError(`Lunar year out of range: ${year}`);
  return lunarToSolar(year, month, Math.min(day, days), leap);
}

/** The next solar date, on or after `fromDate`, of a birthday kept in the lunar calendar. */
export function nextLunarBirthday(month: number, day: number, isLeapMonth: boolean, fromDate: string): string {
  const start = solarToLunar(fromDate).year;
  // The birthday of lunar year N can fall in solar year N+1 (months 11–12), so look one year back.
  for (let year = start - 1; year <= start + 1; year += 1) {
    const date = lunarBirthdayInYear(year, month, day, isLeapMonth);
    if (date >= fromDate) return date;
  }
  throw new RangeError(`No lunar birthday found after ${fromDate}`);
}

const CN_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const TW_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '臘'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十. */
export function chineseLunarDay(day: number): string {
  if (day <= 10) return `初${DIGITS[day] ?? ''}`;
  if (day < 20) return `十${DIGITS[day - 10] ?? ''}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS[day - 20] ?? ''}`;
  return '三十';
}

/**
 * A lunar month/day as people write it: 农历八月十五 (zh-CN), 農曆八月十五 (zh-TW), 旧暦8月15日 (ja),
 * Lunar 8/15 (en); a leap month reads 农历闰四月初一, 農曆閏四月初一, 旧暦閏4月1日, Lunar leap 4/1.
 */
export function formatLunarDate(month: number, day: number, isLeap: boolean, locale: Locale): string {
  switch (locale) {
    case 'zh-CN':
      return `农历${isLeap ? '闰' : ''}${CN_MONTHS[month - 1] ?? month}月${chineseLunarDay(day)}`;
    case 'zh-TW':
      return `農曆${isLeap ? '閏' : ''}${TW_MONTHS[month - 1] ?? month}月${chineseLunarDay(day)}`;
    case 'ja':
      return `旧暦${isLeap ? '閏' : ''}${month}月${day}日`;
    case 'en':
      return `Lunar ${isLeap ? 'leap ' : ''}${month}/${day}`;
  }
}
