import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatLunarDate,
  isValidLunarDate,
  leapMonthOf,
  lunarMonthDays,
  lunarToSolar,
  nextLunarBirthday,
  solarToLunar,
} from './lunar';

describe('lunarToSolar', () => {
  it.each<[string, number, number, number, boolean, string]>([
    ['Spring Festival 2026', 2026, 1, 1, false, '2026-02-17'],
    ['Spring Festival 2027', 2027, 1, 1, false, '2027-02-06'],
    ['Spring Festival 2028', 2028, 1, 1, false, '2028-01-26'],
    ['Mid-Autumn 2027', 2027, 8, 15, false, '2027-09-15'],
    ['Qixi 2026', 2026, 7, 7, false, '2026-08-19'],
    ['leap 6th month 2025, day 1', 2025, 6, 1, true, '2025-07-25'],
    ['regular 6th month 2025, day 1', 2025, 6, 1, false, '2025-06-25'],
    ['leap 2nd month 2023, day 1', 2023, 2, 1, true, '2023-03-22'],
  ])('%s', (_name, year, month, day, leap, solar) => {
    expect(lunarToSolar(year, month, day, leap)).toBe(solar);
  });

  it.each<[string, number, number, number, boolean]>([
    ['a leap month the year does not have', 2026, 6, 1, true],
    ['day 30 of a 29-day month', 2026, 2, 30, false],
    ['month 13', 2026, 13, 1, false],
    ['day 0', 2026, 1, 0, false],
  ])('rejects %s', (_name, year, month, day, leap) => {
    expect(isValidLunarDate(year, month, day, leap)).toBe(false);
    expect(() => lunarToSolar(year, month, day, leap)).toThrow(RangeError);
  });
});

describe('solarToLunar', () => {
  it.each([
    ['2027-09-15', { year: 2027, month: 8, day: 15, isLeap: false }],
    ['2025-08-01', { year: 2025, month: 6, day: 8, isLeap: true }],
    ['2026-02-16', { year: 2025, month: 12, day: 29, isLeap: false }], // New Year's Eve belongs to the old year
  ])('%s → %j', (date, lunar) => {
    expect(solarToLunar(date)).toEqual(lunar);
  });

  it.each(['2026-02-30', '2026-2-1', 'yesterday'])('rejects %s', (date) => {
    expect(() => solarToLunar(date)).toThrow(RangeError);
  });

  it('property: lunarToSolar then solarToLunar gives the lunar date back', () => {
    const lunarDate = fc
      .record({
        year: fc.integer({ min: 1901, max: 2099 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 30 }),
        isLeap: fc.boolean(),
      })
      .filter((d) => isValidLunarDate(d.year, d.month, d.day, d.isLeap));
    fc.assert(
      fc.property(lunarDate, (d) => {
        expect(solarToLunar(lunarToSolar(d.year, d.month, d.day, d.isLeap))).toEqual(d);
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextLunarBirthday', () => {
  it.each<[string, number, number, boolean, string, string]>([
    ['later this year', 8, 15, false, '2027-01-01', '2027-09-15'],
    ['on the day itself', 8, 15, false, '2027-09-15', '2027-09-15'],
    ['the day after: next year', 8, 15, false, '2027-09-16', '2028-10-03'],
    ['12th month of the lunar year before, in January', 12, 20, false, '2026-01-10', '2026-02-07'],
    ['Spring Festival on the day', 1, 1, false, '2026-02-17', '2026-02-17'],
    ['Spring Festival the day after', 1, 1, false, '2026-02-18', '2027-02-06'],
    ['leap-month birthday in a year with that leap month', 6, 8, true, '2025-07-01', '2025-08-01'],
    ['leap-month birthday in a year without it: regular month', 6, 8, true, '2025-08-02', '2026-07-21'],
    ['regular-month birthday ignores the leap month', 6, 8, false, '2025-07-03', '2026-07-21'],
    ['day 30 in a 29-day month: day 29', 2, 30, false, '2026-01-01', '2026-04-16'],
    ['12/30 when the 12th month has 29 days: New Year’s Eve', 12, 30, false, '2026-01-01', '2026-02-16'],
  ])('%s', (_name, month, day, leap, from, expected) => {
    expect(nextLunarBirthday(month, day, leap, from)).toBe(expected);
  });

  it('checks the premises of the table: 2026 has no leap month and a 29-day 2nd month', () => {
    expect(leapMonthOf(2026)).toBe(0);
    expect(leapMonthOf(2025)).toBe(6);
    expect(lunarMonthDays(2026, 2, false)).toBe(29);
  });

  it('property: the next birthday is on or after the start, within a lunar year, and on her lunar month/day', () => {
    const birthday = fc.record({
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 30 }),
      isLeap: fc.boolean(),
    });
    const from = fc
      .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(birthday, from, (b, start) => {
        const next = nextLunarBirthday(b.month, b.day, b.isLeap, start);
        expect(next >= start).toBe(true);
        const days = (Date.parse(next) - Date.parse(start)) / 86_400_000;
        expect(days).toBeLessThan(385); // a lunar year with a leap month has at most 385 days
        const lunar = solarToLunar(next);
        expect(lunar.month).toBe(b.month);
        expect(lunar.day).toBe(Math.min(b.day, lunarMonthDays(lunar.year, lunar.month, lunar.isLeap) ?? 0));
        if (!b.isLeap) expect(lunar.isLeap).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatLunarDate', () => {
  it.each<[number, number, boolean, 'zh-CN' | 'zh-TW' | 'ja' | 'en', string]>([
    [8, 15, false, 'zh-CN', '农历八月十五'],
    [8, 15, false, 'zh-TW', '農曆八月十五'],
    [8, 15, false, 'ja', '旧暦8月15日'],
    [8, 15, false, 'en', 'Lunar 8/15'],
    [4, 1, true, 'zh-CN', '农历闰四月初一'],
    [4, 1, true, 'zh-TW', '農曆閏四月初一'],
    [4, 1, true, 'ja', '旧暦閏4月1日'],
    [4, 1, true, 'en', 'Lunar leap 4/1'],
    [1, 10, false, 'zh-CN', '农历正月初十'],
    [7, 7, false, 'zh-CN', '农历七月初七'],
    [11, 20, false, 'zh-CN', '农历冬月二十'],
    [12, 23, false, 'zh-CN', '农历腊月廿三'],
    [12, 30, false, 'zh-TW', '農曆臘月三十'],
    [3, 19, false, 'zh-TW', '農曆三月十九'],
  ])('%i/%i leap=%s in %s → %s', (month, day, leap, locale, text) => {
    expect(formatLunarDate(month, day, leap, locale)).toBe(text);
  });
});
