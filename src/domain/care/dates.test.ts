import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, ageOn, daysBetween, fromEpochDay, isIsoDate, toEpochDay } from './dates';

describe('calendar days', () => {
  it('property: epoch days agree with Date.UTC, both ways, 1900–2200', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2200, 11, 31) / 86_400_000 }),
        (day) => {
          const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
          expect(toEpochDay(iso)).toBe(day);
          expect(fromEpochDay(day)).toBe(iso);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it.each([
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-4-1',
    '20260401',
    'yesterday',
    '2026-04-01T00:00',
  ])('rejects %s', (text) => {
    expect(isIsoDate(text)).toBe(false);
    expect(() => toEpochDay(text)).toThrow(RangeError);
  });

  it('adds days across months, leap days and years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('counts whole years of age', () => {
    expect(ageOn('1967-10-08', '2027-10-08')).toBe(60);
    expect(ageOn('1967-10-08', '2027-10-07')).toBe(59);
    expect(ageOn('2004-02-29', '2027-02-28')).toBe(22);
    expect(ageOn('2004-02-29', '2027-03-01')).toBe(23);
  });
});
