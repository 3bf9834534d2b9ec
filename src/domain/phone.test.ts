import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanPhoneInput, maskPhone, normalizePhone, phoneTail, type CountryCode } from './phone';

describe('normalizePhone', () => {
  it.each<[string, CountryCode, string, string, CountryCode]>([
    // China
    ['13800138000', 'CN', '+8613800138000', '138 0013 8000', 'CN'],
    ['138-0013-8000', 'CN', '+8613800138000', '138 0013 8000', 'CN'],
    ['１３８　００１３　８０００', 'CN', '+8613800138000', '138 0013 8000', 'CN'],
    ['+86 138 0013 8000', 'CN', '+8613800138000', '138 0013 8000', 'CN'],
    ['0086-13800138000', 'CN', '+8613800138000', '138 0013 8000', 'CN'],
    ['(010) 1234-5678', 'CN', '+861012345678', '010 1234 5678', 'CN'],
    // Taiwan
    ['0912-345-678', 'TW', '+886912345678', '0912 345 678', 'TW'],
    ['+886 912 345 678', 'CN', '+886912345678', '0912 345 678', 'TW'], // country code wins over the store's
    ['(02) 2345-6789', 'TW', '+886223456789', '02 2345 6789', 'TW'],
    // Hong Kong: 8 digits, no trunk prefix
    ['9123 4567', 'HK', '+85291234567', '9123 4567', 'HK'],
    ['+852 2123 4567', 'HK', '+85221234567', '2123 4567', 'HK'],
    // Japan
    ['090-1234-5678', 'JP', '+819012345678', '090-1234-5678', 'JP'],
    ['０９０－１２３４－５６７８', 'JP', '+819012345678', '090-1234-5678', 'JP'],
    ['03-1234-5678', 'JP', '+81312345678', '03-1234-5678', 'JP'],
  ])('%s (%s) → %s', (raw, country, e164, national, detected) => {
    expect(normalizePhone(raw, country)).toMatchObject({ ok: true, e164, national, country: detected, valid: true });
  });

  it('tells mobiles from landlines', () => {
    expect(normalizePhone('13800138000', 'CN')).toMatchObject({ lineType: 'mobile' });
    expect(normalizePhone('03-1234-5678', 'JP')).toMatchObject({ lineType: 'fixed_line' });
  });

  it.each<[string, CountryCode, string]>([
    ['', 'CN', 'empty'],
    ['  - ', 'CN', 'empty'],
    ['abc', 'CN', 'not_a_number'],
    ['12', 'CN', 'too_short'],
    ['1380013800012345', 'CN', 'too_long'],
    ['123', 'HK', 'too_short'],
  ])('%j (%s) is rejected as %s', (raw, country, reason) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: false, reason });
  });

  it('keeps a number of plausible length outside any allocated range, flagged invalid', () => {
    expect(normalizePhone('12345678901', 'CN')).toMatchObject({ ok: true, e164: '+8612345678901', valid: false });
  });

  it('finds a mainland mobile typed without +86 in a Hong Kong store when CN is an alternative', () => {
    expect(normalizePhone('13800138000', 'HK')).toMatchObject({ ok: true, country: 'HK', valid: false });
    expect(normalizePhone('13800138000', 'HK', { alternativeCountries: ['CN'] })).toMatchObject({
      ok: true,
      e164: '+8613800138000',
      country: 'CN',
      valid: true,
      countryGuessed: true,
    });
  });

  it('does not guess another country when the number is valid for the store', () => {
    expect(normalizePhone('9123 4567', 'HK', { alternativeCountries: ['CN'] })).toMatchObject({
      e164: '+85291234567',
      countryGuessed: false,
    });
  });

  it('never overrides an explicit country code with an alternative', () => {
    const result = normalizePhone('+81 13800138000', 'JP', { alternativeCountries: ['CN'] });
    expect(result).toMatchObject({ ok: true, country: 'JP', valid: false, countryGuessed: false });
  });

  it('property: every way of typing a CN mobile gives the same E.164 number', () => {
    const mobile = fc
      .tuple(
        fc.constantFrom('138', '139', '150', '186', '199'),
        fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 }),
      )
      .map(([prefix, rest]) => prefix + rest);
    fc.assert(
      fc.property(mobile, fc.constantFrom('', '+86', '0086', '+86 '), fc.constantFrom('', ' ', '-'), (n, cc, sep) => {
        const typed = cc + [n.slice(0, 3), n.slice(3, 7), n.slice(7)].join(sep);
        const result = normalizePhone(typed, 'CN');
        expect(result).toMatchObject({ ok: true, e164: `+86${n}` });
      }),
    );
  });
});

describe('cleanPhoneInput', () => {
  it.each([
    ['０９０－１２３４－５６７８', '09012345678'],
    ['00 86 138', '+86138'],
    ['(02) 2345.6789', '0223456789'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanPhoneInput(raw)).toBe(clean);
  });
});

describe('maskPhone', () => {
  it.each([
    ['+8613800138000', '138****8000'], // CN mobile: first 3, last 4
    ['+861012345678', '010****5678'], // Beijing landline, area code visible
    ['+819012345678', '090****5678'], // JP mobile as dialled in Japan
    ['+81312345678', '03****5678'], // Tokyo landline
    ['+886912345678', '09****5678'], // TW mobile: 10 digits, at least 4 hidden
    ['+85291234567', '****4567'], // HK: 8 digits, only the last 4 shown
  ])('%s → %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked);
  });

  it('hides short or unparseable numbers sensibly', () => {
    expect(maskPhone('+999123456')).toBe('9****3456'); // unknown country code: masked as plain digits
    expect(maskPhone('+999123')).toBe('****23');
    expect(maskPhone('+9991')).toBe('****');
    expect(maskPhone('')).toBe('');
  });

  it('property: at least 4 digits (or all) are hidden, at most 3 leading and 4 trailing shown', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 15 }), (digits) => {
        const masked = maskPhone(`+${digits}`);
        expect(masked.replace(/[^*]/g, '').length).toBeGreaterThanOrEqual(Math.min(4, masked.length));
        expect(masked).toMatch(/^\d{0,3}\*+\d{0,4}$/);
      }),
    );
  });
});

describe('phoneTail', () => {
  it.each([
    ['+8613800138000', 4, '8000'],
    ['+8613800138000', 6, '138000'],
    ['+85291234567', 4, '4567'],
    ['+8613800138000', 0, ''],
  ])('%s, %i → %s', (e164, n, tail) => {
    expect(phoneTail(e164, n)).toBe(tail);
  });

  it('defaults to the last four digits', () => {
    expect(phoneTail('+819012345678')).toBe('5678');
  });
});
