import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_PINYIN_CANDIDATES, pinyinKeys, splitChineseName } from './pinyin-keys';

describe('pinyinKeys', () => {
  it.each([
    ['张伟', ['zhangwei'], ['zw']],
    ['張偉', ['zhangwei'], ['zw']], // traditional is folded first
    ['王芳', ['wangfang'], ['wf']],
    ['欧阳娜娜', ['ouyangnana'], ['oynn']], // compound surname
    ['长孙无忌', ['zhangsunwuji'], ['zswj']], // 长 read zhang as a surname
    ['吕乐', ['lvle', 'lule'], ['ll']], // ü typed as v, or as u
  ])('%s → full %j, initials %j', (name, full, initials) => {
    const keys = pinyinKeys(name);
    expect(keys.full).toEqual(full);
    expect(keys.initials).toEqual(initials);
  });

  it.each([
    ['曾小明', 'zengxiaoming', 'cengxiaoming'],
    ['单田芳', 'shantianfang', 'dantianfang'],
    ['解晓东', 'xiexiaodong', 'jiexiaodong'],
    ['仇晓', 'qiuxiao', 'chouxiao'],
    ['区美华', 'oumeihua', 'qumeihua'],
  ])('polyphonic surname %s: surname reading %s first, ordinary reading %s kept', (name, surname, ordinary) => {
    const { full } = pinyinKeys(name);
    expect(full[0]).toBe(surname);
    expect(full).toContain(ordinary);
  });

  it('reads a polyphonic character in the given name with its ordinary reading, not as a surname', () => {
    // 乐 is yue as a surname but le in 乐乐; 曾 is zeng as a surname but ceng elsewhere.
    expect(pinyinKeys({ familyName: '王', givenName: '乐乐' }).full).toEqual(['wanglele']);
    expect(pinyinKeys({ familyName: '王', givenName: '曾' }).full).toEqual(['wangceng']);
  });

  it('uses the parts as given (a one-character surname that looks like a compound one)', () => {
    expect(pinyinKeys({ familyName: '司', givenName: '马丽' }).full).toEqual(['simali']);
  });

  it('expands 々 to the previous character, across the surname/given boundary', () => {
    expect(pinyinKeys('佐々木').full).toEqual(['zuozuomu']);
    expect(pinyinKeys({ familyName: '佐', givenName: '々木' }).full).toEqual(['zuozuomu']);
  });

  it('keeps Latin parts and ignores kana', () => {
    expect(pinyinKeys('李Anna')).toEqual({ full: ['lianna'], initials: ['la'] });
    expect(pinyinKeys('さくら')).toEqual({ full: [], initials: [] });
  });

  it('property: candidates are bounded, lower-case letters, and initials match the first candidate', () => {
    const hanName = fc
      .array(fc.constantFrom(...'曾单解仇朴区查乐长张王李陈黄吕女重行觉朝'), { minLength: 1, maxLength: 4 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(hanName, (name) => {
        const { full, initials } = pinyinKeys(name);
        expect(full.length).toBeGreaterThan(0);
        expect(full.length).toBeLessThanOrEqual(MAX_PINYIN_CANDIDATES);
        for (const key of [...full, ...initials]) expect(key).toMatch(/^[a-z]+$/);
        expect(initials[0]).toHaveLength([...name].length);
      }),
    );
  });
});

describe('splitChineseName', () => {
  it.each([
    ['张伟', '张', '伟'],
    ['歐陽娜娜', '欧阳', '娜娜'],
    ['诸葛亮', '诸葛', '亮'],
    ['司马', '司', '马'], // two characters only: a surname and a given name
    ['Anna', '', 'Anna'],
  ])('%s → %s + %s', (name, familyName, givenName) => {
    expect(splitChineseName(name)).toEqual({ familyName, givenName });
  });
});
