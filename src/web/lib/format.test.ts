import { describe, expect, it } from 'vitest';
import { currencyDigits, dayPart, formatMoney, hourIn } from './format';

describe('money', () => {
  it('uses the currency minor unit', () => {
    expect(currencyDigits('CNY')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(formatMoney(199900, 'CNY', 'en')).toBe('CN¥1,999.00');
    expect(formatMoney(5000, 'JPY', 'ja')).toBe('￥5,000');
  });
});

describe('store clock', () => {
  it('reads the hour in the store time zone', () => {
    const at = new Date('2025-05-03T01:30:00Z');
    expect(hourIn(at, 'Asia/Shanghai')).toBe(9);
    expect(hourIn(at, 'Asia/Tokyo')).toBe(10);
    expect(hourIn(at, 'Europe/London')).toBe(2);
  });
  it('names the part of the day', () => {
    expect(dayPart(9)).toBe('morning');
    expect(dayPart(13)).toBe('afternoon');
    expect(dayPart(20)).toBe('evening');
    expect(dayPart(2)).toBe('evening');
  });
});

describe('labels', () => {
  it('makes avatar letters', async () => {
    const { initials } = await import('./format');
    expect(initials('林小美')).toBe('小美');
    expect(initials('Wang Li')).toBe('WL');
    expect(initials('Owner')).toBe('OW');
    expect(initials('佐藤 花子')).toBe('花子');
  });
});
