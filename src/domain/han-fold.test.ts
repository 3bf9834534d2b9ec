import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { foldHan, foldHanVariants } from './han-fold';

describe('foldHan', () => {
  it.each([
    ['張偉', '张伟'],
    ['张伟', '张伟'],
    ['張 偉', '张伟'],
    ['陳美玲', '陈美玲'],
    ['黃淑芬', '黄淑芬'],
    ['衞詩雅', '卫诗雅'], // Hong Kong variant of 衛, untouched by the plain t→cn converter
    ['鍾 欣桐', '钟欣桐'],
    ['ＺＨＡＮＧ　Ｗｅｉ', 'zhangwei'], // full-width letters and ideographic space
    ['Zhāng Wěi', 'zhangwei'], // pinyin with tone marks
    ['O’Brien-Smith, Anna', 'obriensmithanna'],
    ['山田・花子', '山田花子'],
    ['ﾔﾏﾀﾞ', 'ヤマダ'], // half-width katakana widened
    ['佐々木', '佐々木'],
    ['がっこう', 'がっこう'], // kana voicing marks survive accent stripping
  ])('%s → %s', (input, expected) => {
    expect(foldHan(input)).toBe(expected);
  });

  it('makes traditional and simplified spellings of the same name equal', () => {
    expect(foldHan('張偉')).toBe(foldHan('张伟'));
    expect(foldHan('劉德華')).toBe(foldHan('刘德华'));
  });

  it('keeps different names different', () => {
    expect(foldHan('张伟')).not.toBe(foldHan('张玮'));
  });

  // Common characters of Chinese names; each converted to standard, Taiwan and Hong Kong traditional.
  const NAME_CHARS = [
    ...'张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程苏魏吕丁沈姚卢钟谭陆汪范金廖贾夏韦方邹熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅琳凤云莲燕彬颖丹宁凯欣怡婷雪晓佳嘉慧斌飞鹏辉丰丽',
  ];
  const toTraditional = (['t', 'tw', 'hk'] as const).map((to) => Converter({ from: 'cn', to }));
  const simplifiedName = fc
    .array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 4 })
    .map((a) => a.join(''));

  it('property: any traditional rendering of a simplified name folds to the same key', () => {
    fc.assert(
      fc.property(simplifiedName, fc.constantFrom(...toTraditional), (name, convert) => {
        expect(foldHan(convert(name))).toBe(foldHan(name));
      }),
    );
  });

  it('property: folding is idempotent and never leaves spaces, punctuation or upper case', () => {
    const text = fc.string({ unit: fc.constantFrom(...NAME_CHARS, ...'張偉陳ＡＢab 　-・,.ヤまﾀﾞ１2'), maxLength: 12 });
    fc.assert(
      fc.property(text, (s) => {
        const folded = foldHan(s);
        expect(foldHan(folded)).toBe(folded);
        expect(folded).not.toMatch(/[\s\p{P}A-Z]/u);
      }),
    );
  });
});

describe('foldHanVariants', () => {
  it('adds a Chinese form of Japanese shinjitai so 渡辺 meets 渡邊 and 渡边', () => {
    const keys = foldHanVariants('渡辺');
    expect(keys).toEqual(['渡辺', '渡边']);
    expect(keys).toContain(foldHan('渡邊'));
    expect(keys).toContain(foldHan('渡边'));
  });

  it('returns the folded form alone when nothing is Japanese-specific', () => {
    expect(foldHanVariants('張偉')).toEqual(['张伟']);
  });
});

describe('names are not phrases', () => {
  it('keeps the surname 沈 in 沈靜 (a phrase rule would read it as 沉静 "calm")', () => {
    expect(foldHan('沈靜')).toBe('沈静');
    expect(foldHan('沈靜')).toBe(foldHan('沈静'));
  });
});
