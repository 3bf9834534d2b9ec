// A cached month table per lunar year, so that the daily care run (many customers, few years) does
// lunar arithmetic instead of asking lunar-typescript again: a new lunar year costs ~1.5 ms there, a
// cached one a few array reads here. Same results as src/domain/lunar.ts (tested).
import { LunarMonth, LunarYear, Solar } from 'lunar-typescript';
import { fromEpochDay, toEpochDay, type IsoDate } from './dates';

export type LunarMonthEntry = { month: number; isLeap: boolean; start: number; days: number };

const tables = new Map<number, LunarMonthEntry[]>();

/** The months of lunar year `year` in order (a leap month follows its regular month), with start days. */
export function lunarMonthsOf(year: number): LunarMonthEntry[] {
  let table = tables.get(year);
  if (!table) {
    const leap = LunarYear.fromYear(year).getLeapMonth();
    table = [];
    for (let m = 1; m <= 12; m += 1) {
      for (const isLeap of m === leap ? [false, true] : [false]) {
        const lm = LunarMonth.fromYm(year, isLeap ? -m : m);
        if (!lm) throw new RangeError(`Lunar month out of range: ${year}/${m}`);
        const start = toEpochDay(Solar.fromJulianDay(lm.getFirstJulianDay()).toYmd());
        table.push({ month: m, isLeap, start, days: lm.getDayCount() });
      }
    }
    tables.set(year, table);
  }
  return table;
}

export function leapMonthOfYear(year: number): number {
  return lunarMonthsOf(year).find((m) => m.isLeap)?.month ?? 0;
}

/**
 * The solar day (epoch day) on which a lunar birthday month/day falls in lunar year `year`: a leap-month
 * birthday is kept in the leap month when that year has it and moves to the regular month otherwise;
 * day 30 moves to day 29 in a 29-day month.
 */
export function lunarOccurrenceDay(year: number, month: number, day: number, isLeapMonth: boolean): number {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Not a lunar month/day: ${month}/${day}`);
  }
  const months = lunarMonthsOf(year);
  const entry =
    (isLeapMonth ? months.find((m) => m.month === month && m.isLeap) : undefined) ??
    months.find((m) => m.month === month && !m.isLeap);
  if (!entry) throw new RangeError(`No lunar month ${month} in ${year}`);
  return entry.start + Math.min(day, entry.days) - 1;
}

export function lunarOccurrence(year: number, month: number, day: number, isLeapMonth: boolean): IsoDate {
  return fromEpochDay(lunarOccurrenceDay(year, month, day, isLeapMonth));
}

export type LunarDay = { year: number; month: number; day: number; isLeap: boolean; monthDays: number };

/** The lunar date of a solar day, with the length of its lunar month. */
export function lunarDayOf(date: IsoDate): LunarDay {
  const e = toEpochDay(date);
  const solarYear = Number(date.slice(0, 4));
  // A solar day belongs to the lunar year of the same number or the one before (January, February).
  for (const year of [solarYear, solarYear - 1]) {
    for (const m of lunarMonthsOf(year)) {
      if (e >= m.start && e < m.start + m.days) {
        return { year, month: m.month, day: e - m.start + 1, isLeap: m.isLeap, monthDays: m.days };
      }
    }
  }
  throw new RangeError(`No lunar date for ${date}`);
}
