import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  formatDayLong,
  formatMonthTitle,
  monthWeeks,
  parseDayInput,
  todayIn,
  weekBounds,
  weekdayNames,
} from './days';

describe('parseDayInput', () => {
  it.each([
    ['2026-03-15', '2026-03-15'],
    ['2026/3/5', '2026-03-05'],
    ['2026.03.15', '2026-03-15'],
    ['20260315', '2026-03-15'],
    ['2026年3月15日', '2026-03-15'],
    ['２０２６－０３－１５', '2026-03-15'],
    ['２０２６／３／１５', '2026-03-15'],
    ['  2026 - 3 - 15 ', '2026-03-15'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, day) => {
    expect(parseDayInput(text)).toBe(day);
  });

  it.each(['2025-02-29', '2026-13-01', '2026-04-31', '15/03/2026', 'tomorrow', '2026-3', '1899-12-31'])(
    'refuses %s',
    (text) => {
      expect(parseDayInput(text)).toBeUndefined();
    },
  );

  it('treats an empty field as no date', () => {
    expect(parseDayInput('')).toBeNull();
    expect(parseDayInput('   ')).toBeNull();
  });

  it('reads back every day it writes', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        expect(parseDayInput(day)).toBe(day);
        expect(parseDayInput(day.replaceAll('-', ''))).toBe(day);
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('steps over month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
  });

  it('goes there and back again', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2150-12-31'), noInvalidDate: true }),
        fc.integer({ min: -800, max: 800 }),
        (d, n) => {
          const day = d.toISOString().slice(0, 10);
          expect(addDays(addDays(day, n), -n)).toBe(day);
        },
      ),
    );
  });

  it("takes today from the store's time zone, not the browser's", () => {
    const at = new Date('2026-03-15T17:30:00Z'); // 01:30 on the 16th in Shanghai, still the 15th in New York
    expect(todayIn('Asia/Shanghai', at)).toBe('2026-03-16');
    expect(todayIn('America/New_York', at)).toBe('2026-03-15');
  });
});

describe('calendar in the UI language', () => {
  it('starts the week on Monday in zh-CN and on Sunday in zh-TW, ja and en', () => {
    expect(weekdayNames('zh-CN')[0]).toBe('一');
    expect(weekdayNames('ja')[0]).toBe('日');
    expect(weekdayNames('en')[0]).toBe('S');
    // March 2026 begins on a Sunday.
    expect(monthWeeks(2026, 3, 'zh-CN')[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(monthWeeks(2026, 3, 'ja')[0]![0]).toBe('2026-03-01');
    expect(weekBounds('2026-03-18', 'zh-CN')).toEqual(['2026-03-16', '2026-03-22']);
    expect(weekBounds('2026-03-18', 'en')).toEqual(['2026-03-15', '2026-03-21']);
  });

  it('names days and months in the UI language', () => {
    expect(formatDayLong('2026-03-15', 'zh-CN')).toBe('2026年3月15日星期日');
    expect(formatDayLong('2026-03-15', 'ja')).toBe('2026年3月15日日曜日');
    expect(formatDayLong('2026-03-15', 'en')).toContain('March');
    expect(formatMonthTitle(2026, 3, 'zh-TW')).toBe('2026年3月');
  });
});
