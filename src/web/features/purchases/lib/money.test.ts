import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysBetween, zonedDayIso } from './dates';
import { linePaid, refundShare, toMajor, toMinor } from './money';

describe('money typed at the till', () => {
  it('converts major units with the currency digits', () => {
    expect(toMinor('1599.9', 'CNY')).toBe(159_990);
    expect(toMinor(1599.99, 'CNY')).toBe(159_999);
    expect(toMinor('0.1', 'CNY')).toBe(10);
    expect(toMinor('3800', 'JPY')).toBe(3800);
    expect(toMinor(3800.4, 'JPY')).toBe(3800);
    expect(toMinor('1,280', 'TWD')).toBe(128_000);
    expect(toMinor('', 'CNY')).toBeNull();
    expect(toMinor('abc', 'CNY')).toBeNull();
    expect(toMajor(159_990, 'CNY')).toBe(1599.9);
    expect(toMajor(3800, 'JPY')).toBe(3800);
  });
  it('computes the paid amount and the refund share', () => {
    expect(linePaid(2, 99_900, 0)).toBe(199_800);
    expect(linePaid(1, 268_000, 18_000)).toBe(250_000);
    expect(linePaid(1, 100, 500)).toBe(0);
    expect(refundShare(199_800, 2, 1)).toBe(99_900);
    expect(refundShare(100, 3, 1)).toBe(33);
  });
});

describe('store calendar days', () => {
  it('reads the day in the store zone and counts days', () => {
    const at = new Date('2025-05-03T17:30:00Z');
    expect(dayIn(at, 'Asia/Shanghai')).toBe('2025-05-04');
    expect(dayIn(at, 'Europe/London')).toBe('2025-05-03');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-01-01', '2025-02-10')).toBe(40);
  });
  it('finds noon in the store zone', () => {
    expect(zonedDayIso('2025-05-03', 'Asia/Shanghai')).toBe('2025-05-03T04:00:00.000Z');
    expect(zonedDayIso('2025-05-03', 'Asia/Tokyo')).toBe('2025-05-03T03:00:00.000Z');
    expect(zonedDayIso('2025-07-01', 'Europe/London')).toBe('2025-07-01T11:00:00.000Z');
  });
});
