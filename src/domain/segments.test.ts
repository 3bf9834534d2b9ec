import { describe, expect, it } from 'vitest';
import { lunarToSolar } from './lunar';
import { birthdayCodes, birthdayWindow, lunarCode, solarCode } from './segments';

describe('birthday windows', () => {
  it('this month, next month (across the year end) and within N days', () => {
    expect(birthdayWindow('this_month', '2027-02-10')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(birthdayWindow('next_month', '2026-12-02')).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    expect(birthdayWindow('within_days', '2026-12-30', 5)).toEqual({ from: '2026-12-30', to: '2027-01-04' });
  });
});

describe('birthday codes', () => {
  it('a lunar birthday is in the window exactly when its solar date this year is', () => {
    // Lunar 1/1 of 2027 (Spring Festival) is 2027-02-06.
    expect(lunarToSolar(2027, 1, 1, false)).toBe('2027-02-06');
    const feb = birthdayCodes('2027-02-01', '2027-02-28');
    expect(feb.lunar).toContain(lunarCode(1, 1, false));
    expect(birthdayCodes('2027-03-01', '2027-03-31').lunar).not.toContain(lunarCode(1, 1, false));
    // 29 February in a common year is greeted on the 28th.
    expect(feb.solar).toContain(solarCode(2, 29));
    expect(feb.solar).toHaveLength(29);
  });

  it('a leap-month birthday falls in the regular month of a year without that leap month', () => {
    // 2025 had a leap 6th month; 2027 has none, so leap-6/10 is greeted on regular 6/10.
    const day = lunarToSolar(2027, 6, 10, false);
    const codes = birthdayCodes(day, day);
    expect(codes.lunar).toEqual(expect.arrayContaining([lunarCode(6, 10, false), lunarCode(6, 10, true)]));
  });
});
