import { describe, expect, it } from 'vitest';
import {
  cellText,
  excelSerialToDate,
  parseBirthday,
  parseDate,
  parseGender,
  parseLanguage,
  parseLunarBirthday,
  parseSkinType,
  parseYesNo,
  splitFullName,
} from './values';

const value = <T>(r: { ok: true; value: T } | { ok: false; message: string }) => (r.ok ? r.value : `ERR ${r.message}`);

describe('dates', () => {
  it.each([
    ['1985-03-12', '1985-03-12'],
    ['1985/3/12', '1985-03-12'],
    ['1985.3.12', '1985-03-12'],
    ['1985年3月12日', '1985-03-12'],
    ['１９８５－０３－１２', '1985-03-12'],
    ['19850312', '1985-03-12'],
    ['1985-03-12 00:00:00', '1985-03-12'],
    ['1985-03-12T00:00:00Z', '1985-03-12'],
    ['昭和60年3月12日', '1985-03-12'],
    ['平成元年1月8日', '1989-01-08'],
    ['H2.5.6', '1990-05-06'],
    ['民國74年3月12日', '1985-03-12'],
    ['25/12/1992', '1992-12-25'],
    ['12/25/1992', '1992-12-25'],
    ['5/5/1992', '1992-05-05'],
    ['32874', '1990-01-01'],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(value(parseDate(input))).toBe(expected);
  });

  it('takes Excel date cells and serial numbers', () => {
    expect(value(parseDate(new Date(Date.UTC(1985, 2, 12))))).toBe('1985-03-12');
    expect(value(parseDate(32874))).toBe('1990-01-01');
    expect(value(parseDate(19850312))).toBe('1985-03-12');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45658)).toBe('2025-01-01');
    expect(excelSerialToDate(10)).toBeNull();
  });

  it.each([
    ['2023-02-30', /not a real date/],
    ['2023-13-01', /no month 13/],
    ['2024-02-30', /not a real date/],
    ['03/04/1990', /day\/month or month\/day/],
    ['next tuesday', /not a date/],
  ])('rejects %s clearly', (input, message) => {
    const r = parseDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('accepts 29 February only in leap years', () => {
    expect(value(parseDate('2024-02-29'))).toBe('2024-02-29');
    expect(parseDate('2023-02-29').ok).toBe(false);
  });

  it('keeps birthdays in the past and after 1900', () => {
    expect(value(parseBirthday('2030-01-01', '2026-05-01'))).toMatch(/in the future/);
    expect(value(parseBirthday('1850-01-01', '2026-05-01'))).toMatch(/too long ago/);
    expect(value(parseBirthday('1985-03-12', '2026-05-01'))).toBe('1985-03-12');
  });
});

describe('lunar birthdays', () => {
  it.each([
    ['08-15', { month: 8, day: 15, isLeapMonth: false, year: null }],
    ['8/15', { month: 8, day: 15, isLeapMonth: false, year: null }],
    ['闰04-10', { month: 4, day: 10, isLeapMonth: true, year: null }],
    ['閏4月10日', { month: 4, day: 10, isLeapMonth: true, year: null }],
    ['农历八月', 'ERR'],
    ['13-01', 'ERR'],
    ['08-31', 'ERR'],
    ['2023-闰02-10', { month: 2, day: 10, isLeapMonth: true, year: 2023 }],
    ['2024-闰02-10', 'ERR'], // 2024 has no leap second month
  ])('%s', (input, expected) => {
    const r = parseLunarBirthday(input);
    if (expected === 'ERR') expect(r.ok).toBe(false);
    else expect(value(r)).toEqual(expected);
  });
});

describe('small vocabularies', () => {
  it('reads gender, yes/no and skin type in four languages', () => {
    expect(['女', '女性', 'F', 'female', '男', '男性', 'M', 'male', ''].map((g) => value(parseGender(g)))).toEqual([
      'female',
      'female',
      'female',
      'female',
      'male',
      'male',
      'male',
      'male',
      null,
    ]);
    expect(parseGender('?').ok).toBe(false);
    expect(
      ['是', '否', 'はい', 'いいえ', 'yes', 'no', '1', '0', 'true', 'false', '○', '×', ''].map((v) =>
        value(parseYesNo(v)),
      ),
    ).toEqual([true, false, true, false, true, false, true, false, true, false, true, false, null]);
    expect(value(parseYesNo(true))).toBe(true);
    expect(parseYesNo('maybe').ok).toBe(false);
    expect(['干性', '乾燥肌', '混合性', '敏感肌', 'Oily'].map((s) => value(parseSkinType(s)))).toEqual([
      'dry',
      'dry',
      'combination',
      'sensitive',
      'oily',
    ]);
  });

  it('reads her language from a locale code or its name in any of the four languages', () => {
    const cases: Array<[string, string | null]> = [
      ['zh-CN', 'zh-CN'],
      ['zh_cn', 'zh-CN'],
      ['简体中文', 'zh-CN'],
      ['中文（简体）', 'zh-CN'],
      ['Simplified Chinese', 'zh-CN'],
      ['zh-TW', 'zh-TW'],
      ['zh-Hant', 'zh-TW'],
      ['zh-HK', 'zh-TW'],
      ['繁體中文', 'zh-TW'],
      ['繁体中文', 'zh-TW'],
      ['ja', 'ja'],
      ['JA', 'ja'],
      ['ja-JP', 'ja'],
      ['日本語', 'ja'],
      ['日语', 'ja'],
      ['Japanese', 'ja'],
      ['en', 'en'],
      ['English', 'en'],
      ['ＥＮＧＬＩＳＨ', 'en'],
      ['英语', 'en'],
      ['英語', 'en'],
      ['', null],
    ];
    expect(cases.map(([v]) => value(parseLanguage(v)))).toEqual(cases.map(([, l]) => l));
    const bad = parseLanguage('français');
    expect(bad).toMatchObject({ ok: false, code: 'unknown_language', params: { value: 'français' } });
    // Simplified or traditional? The file must say.
    expect(parseLanguage('中文').ok).toBe(false);
    expect(parseLanguage('zh').ok).toBe(false);
  });

  it('folds full-width characters and keeps numbers whole', () => {
    expect(cellText('　ＡＢＣ１２３　')).toBe('ABC123');
    expect(cellText(13800138000)).toBe('13800138000');
    expect(cellText("'+86 138 0013 8000")).toBe('+86 138 0013 8000');
    expect(cellText(null)).toBe('');
  });
});

describe('splitFullName', () => {
  it.each([
    ['张伟', 'zh-CN', '张', '伟'],
    ['欧阳娜娜', 'zh-CN', '欧阳', '娜娜'],
    ['歐陽娜娜', 'zh-TW', '歐陽', '娜娜'],
    ['诸葛亮', 'zh-CN', '诸葛', '亮'],
    ['司马光', 'zh-CN', '司马', '光'],
    ['欧阳', 'zh-CN', '欧', '阳'],
    ['王', 'zh-CN', '王', null],
    ['山田 花子', 'ja', '山田', '花子'],
    ['山田　花子', 'ja', '山田', '花子'],
    ['山田花子', 'ja', '山田花子', null],
    ['やまだはなこ', 'zh-CN', 'やまだはなこ', null],
    ['Hanako Yamada', 'en', 'Yamada', 'Hanako'],
  ])('%s (%s) → %s / %s', (name, locale, family, given) => {
    expect(splitFullName(name, locale)).toEqual({ familyName: family, givenName: given });
  });
});
