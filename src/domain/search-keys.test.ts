import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildNameSearchText, normalizeMemberNo, normalizeQuery, type NameSearchInput } from './search-keys';

// How the search layer uses the keys: every form of a text query is looked for in the search text.
function matches(input: NameSearchInput, query: string): boolean {
  const text = buildNameSearchText(input);
  const q = normalizeQuery(query);
  const forms = [q, ...q.alternatives].flatMap((i) => (i.kind === 'text' ? (i.forms ?? []) : []));
  return forms.some((form) => text.includes(form));
}

const zhangWei = { familyName: '张', givenName: '伟' };
const yamada = { familyName: '山田', givenName: '花子', reading: 'やまだ はなこ' };

describe('buildNameSearchText', () => {
  it('holds the folded name in both orders, pinyin and initials', () => {
    const tokens = buildNameSearchText(zhangWei).split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['张伟', '伟张', 'zhangwei', 'zw', 'weizhang']));
  });

  it('holds the reading in hiragana and romaji, in both orders', () => {
    const tokens = buildNameSearchText(yamada).split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['山田花子', 'やまだはなこ', 'yamadahanako', 'hanakoyamada']));
  });

  it('indexes a traditional-character name under its simplified form', () => {
    expect(buildNameSearchText({ familyName: '張', givenName: '偉' })).toBe(buildNameSearchText(zhangWei));
  });

  it('is compact: no duplicate or empty tokens', () => {
    const tokens = buildNameSearchText({ familyName: 'Smith', givenName: 'Anna', reading: '' }).split(' ');
    expect(tokens).toEqual(['smithanna', 'annasmith']);
  });

  it.each([
    [zhangWei, '張偉'],
    [zhangWei, '张伟'],
    [zhangWei, 'zw'],
    [zhangWei, 'zhangwei'],
    [zhangWei, 'Zhang Wei'],
    [zhangWei, 'Wei Zhang'],
    [zhangWei, '伟'],
    [yamada, 'やまだ'],
    [yamada, 'ヤマダ'],
    [yamada, 'yamada'],
    [yamada, 'ﾔﾏﾀﾞ ﾊﾅｺ'],
    [yamada, 'hanako'],
    [yamada, '花子'],
    [{ familyName: '渡辺', givenName: '美穂', reading: 'わたなべ みほ' }, '渡邊'],
    [{ familyName: '曾', givenName: '小明' }, 'zengxiaoming'],
    [{ familyName: '曾', givenName: '小明' }, 'cengxiaoming'],
    [{ familyName: '太田', givenName: '健', reading: 'おおた けん' }, 'ohta'],
  ])('%j is found by %s', (input, query) => {
    expect(matches(input, query)).toBe(true);
  });

  it.each([
    [zhangWei, '张玮'],
    [zhangWei, 'lw'],
    [yamada, 'やまもと'],
    [yamada, 'tanaka'],
  ])('%j is not found by %s', (input, query) => {
    expect(matches(input, query)).toBe(false);
  });
});

describe('normalizeQuery', () => {
  it.each([
    ['8000', '8000', '8000'],
    ['８０００', '8000', '8000'], // full-width digits
    ['138-0013-8000', '13800138000', '13800138000'],
    ['138 0013 8000', '13800138000', '13800138000'],
    ['+86 138 0013 8000', '8613800138000', '8613800138000'],
    ['＋８６－１３８００１３８０００', '8613800138000', '8613800138000'],
    ['(02) 2345-6789', '223456789', '0223456789'], // trunk 0 dropped: a suffix of +886223456789
    ['090-1234-5678', '9012345678', '09012345678'],
    ['0086 13800138000', '8613800138000', '008613800138000'],
    ['0123', '0123', '0123'], // a short tail keeps its zero
  ])('%s is a phone tail search for %s', (query, value, digits) => {
    expect(normalizeQuery(query)).toMatchObject({ kind: 'phone_tail', value, digits });
  });

  it('the value of a whole number is a suffix of its E.164 form', () => {
    expect('+8613800138000'.endsWith(normalizeQuery('138-0013-8000').value)).toBe(true);
    expect('+819012345678'.endsWith(normalizeQuery('090-1234-5678').value)).toBe(true);
    expect('+8613800138000'.endsWith(normalizeQuery('0086 138 0013 8000').value)).toBe(true);
  });

  it('offers a digits-only query as a member number too', () => {
    expect(normalizeQuery('8000').alternatives).toEqual([{ kind: 'member_no', value: '8000' }]);
  });

  it('treats fewer than four digits as text, possibly a member number', () => {
    const q = normalizeQuery('123');
    expect(q.kind).toBe('text');
    expect(q.alternatives).toEqual([{ kind: 'member_no', value: '123' }]);
  });

  it.each([
    ['Wei.Zhang@Example.COM', 'wei.zhang@example.com'],
    [' ｗｅｉ＠ｑｑ．ｃｏｍ ', 'wei@qq.com'],
    ['wei@', 'wei@'],
  ])('%s is an e-mail search for %s', (query, value) => {
    expect(normalizeQuery(query)).toEqual({ kind: 'email', value, alternatives: [] });
  });

  it.each([
    ['VIP-00123', 'VIP00123'],
    ['vip00123', 'VIP00123'],
    ['Ａ１２３', 'A123'],
  ])('%s is a member number %s, or else text', (query, value) => {
    const q = normalizeQuery(query);
    expect(q).toMatchObject({ kind: 'member_no', value });
    expect(q.alternatives.map((a) => a.kind)).toEqual(['text']);
  });

  it.each([
    ['張偉', ['张伟']],
    ['ZW', ['zw']],
    ['ヤマダ', ['ヤマダ', 'やまだ', 'yamada']],
    ['渡辺', ['渡辺', '渡边']],
    ['Ohta', ['ohta', 'ota']],
  ])('text %s is compared in the forms %j', (query, forms) => {
    const q = normalizeQuery(query);
    expect(q.kind).toBe('text');
    expect(q.forms).toEqual(forms);
    expect(q.value).toBe(forms[0]);
  });

  it('an empty query is text with nothing to look for', () => {
    expect(normalizeQuery('   ')).toMatchObject({ kind: 'text', value: '', forms: [] });
  });

  it('property: a phone number typed with any separators gives the same search as its digits', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 4, maxLength: 13 });
    const separator = fc.constantFrom('', ' ', '-', '－', '　', '(', ')', '.');
    fc.assert(
      fc.property(digits, fc.array(separator, { minLength: 13, maxLength: 13 }), (d, seps) => {
        const typed = [...d].map((c, i) => c + (seps[i] ?? '')).join('');
        const fullWidth = [...typed]
          .map((c) => (/\d/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c))
          .join('');
        for (const q of [typed, fullWidth]) {
          const result = normalizeQuery(q);
          expect(result.kind).toBe('phone_tail');
          expect(result.digits).toBe(d);
          expect(d.endsWith(result.value)).toBe(true);
          expect(result.value.length).toBeGreaterThanOrEqual(4);
        }
      }),
    );
  });
});

describe('normalizeMemberNo', () => {
  it('stores and searches member numbers in the same form', () => {
    expect(normalizeMemberNo('vip-000 123')).toBe('VIP000123');
    expect(normalizeMemberNo('ＶＩＰ０００１２３')).toBe('VIP000123');
  });
});
