import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, plausibility } from './encoding';

const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url));

const texts = {
  simplified: '会员号,姓名,手机,生日\nA001,张伟,13800138000,1985-03-12\nA002,欧阳娜娜,13900139001,1990/5/6\n',
  traditional: '會員號,姓名,手機,生日\nA001,張偉,0912345678,1985-03-12\nA002,歐陽娜娜,0922333444,1990/5/6\n',
  japanese:
    '会員番号,氏名,フリガナ,電話番号\nA001,山田 花子,ヤマダ ハナコ,090-1234-5678\nA002,佐藤 太郎,サトウ タロウ,080-2222-3333\n',
};

describe('detectEncoding', () => {
  it('reads a BOM and strict UTF-8 first', () => {
    expect(detectEncoding(fixture('customers-utf8-bom.csv'))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(fixture('customers-utf8.csv'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.from('name,phone\nWang,138\n'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00])).encoding).toBe('utf-16le');
  });

  it.each([
    ['customers-gb18030.csv', 'gb18030'],
    ['customers-big5.csv', 'big5'],
    ['customers-shift_jis.csv', 'shift_jis'],
  ])('detects %s as %s', (file, encoding) => {
    expect(detectEncoding(fixture(file)).encoding).toBe(encoding);
  });

  it.each([
    ['simplified', 'gb18030'],
    ['traditional', 'big5'],
    ['traditional', 'gb18030'], // GB18030 encodes traditional characters too
    ['japanese', 'shift_jis'],
    ['japanese', 'gb18030'],
  ] as const)('tells %s text written in %s', (kind, encoding) => {
    const bytes = iconv.encode(texts[kind], encoding);
    const d = detectEncoding(bytes);
    expect(d.encoding).toBe(encoding);
    expect(decodeText(bytes, d)).toBe(texts[kind]);
  });

  it('uses the store country hint only to break a tie', () => {
    const bytes = iconv.encode('名前\nやまだ\n', 'shift_jis');
    expect(detectEncoding(bytes, 'big5').encoding).toBe('shift_jis');
  });

  it('scores replacement marks and rare characters below common ones', () => {
    expect(plausibility('张伟李静')).toBe(4);
    expect(plausibility('\uFFFD\uFFFD')).toBe(-10);
    expect(plausibility('abc')).toBe(0);
    expect(plausibility('䶮')).toBe(-1);
  });

  it('does not let a multi-byte character cut at the sample edge count against the right encoding', () => {
    const big = iconv.encode('姓名,手机\n' + '张伟,13800138000\n'.repeat(8000), 'gb18030');
    expect(big.length).toBeGreaterThan(64 * 1024);
    expect(detectEncoding(big).encoding).toBe('gb18030');
  });
});
