import { describe, expect, it } from 'vitest';
import { currencyDigits, toMajor, toMinor } from './money';

describe('money in minor units', () => {
  it.each([
    ['CNY', 2, 159_900, 1599],
    ['TWD', 2, 70_400, 704],
    ['HKD', 2, 12_345, 123.45],
    ['JPY', 0, 3_800, 3800],
  ])('%s has %i decimals: %i minor = %f', (currency, digits, minor, major) => {
    expect(currencyDigits(currency)).toBe(digits);
    expect(toMajor(minor, currency)).toBe(major);
    expect(toMinor(major, currency)).toBe(minor);
  });
  it('rounds sub-unit fractions and keeps the sign', () => {
    expect(toMinor(12.345, 'CNY')).toBe(1235);
    expect(toMinor(-12.345, 'CNY')).toBe(-1235);
  });
});
