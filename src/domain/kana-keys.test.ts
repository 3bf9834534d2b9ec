import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toKatakana } from 'wanakana';
import { kanaKeys, looseRomaji, normalizeQueryKana } from './kana-keys';

describe('kanaKeys', () => {
  it.each([
    ['やまだ はなこ', 'やまだはなこ', 'yamadahanako'],
    ['ヤマダ　ハナコ', 'やまだはなこ', 'yamadahanako'],
    ['ﾔﾏﾀﾞ ﾊﾅｺ', 'やまだはなこ', 'yamadahanako'], // half-width katakana
    ['yamada hanako', 'やまだはなこ', 'yamadahanako'],
    ['Yamada Hanako', 'やまだはなこ', 'yamadahanako'],
    ['しんいち', 'しんいち', 'shinichi'], // no apostrophe (shin'ichi)
    ['サトウ・ケンジ', 'さとうけんじ', 'satoukenji'],
    ['らーめん', 'らあめん', 'raamen'], // ー spelled out the same way from hiragana…
    ['ラーメン', 'らあめん', 'raamen'], // …and from katakana
  ])('%s → %s / %s', (reading, hiragana, romaji) => {
    const keys = kanaKeys(reading);
    expect(keys.hiragana).toBe(hiragana);
    expect(keys.romaji).toBe(romaji);
  });

  it('keeps romaji as the customer spelled it, with a loose form for long vowels', () => {
    expect(kanaKeys('Ohta')).toMatchObject({ romaji: 'ohta', looseRomaji: 'ota' });
    expect(kanaKeys('おおた')).toMatchObject({ romaji: 'oota', looseRomaji: 'ota' });
    expect(kanaKeys('こうじ')).toMatchObject({ romaji: 'kouji', looseRomaji: 'koji' });
  });
});

describe('looseRomaji', () => {
  it.each([
    ['oota', 'ota'],
    ['ohta', 'ota'],
    ['outa', 'ota'],
    ['yuuko', 'yuko'],
    ['satou', 'sato'],
    ['ohara', 'ohara'], // h before a vowel is a consonant
    ['keiko', 'keiko'],
  ])('%s → %s', (input, expected) => {
    expect(looseRomaji(input)).toBe(expected);
  });
});

describe('normalizeQueryKana', () => {
  it('maps ヤマダ, やまだ, ﾔﾏﾀﾞ, yamada and YAMADA to one form', () => {
    const forms = ['ヤマダ', 'やまだ', 'ﾔﾏﾀﾞ', 'yamada', 'YAMADA'].map(normalizeQueryKana);
    expect(new Set(forms)).toEqual(new Set(['yamada']));
  });

  it('matches the spellings people use for long vowels', () => {
    expect(normalizeQueryKana('ohta')).toBe(normalizeQueryKana('おおた'));
    expect(normalizeQueryKana('sato')).toBe(normalizeQueryKana('サトウ'));
  });

  it('a partial query is a prefix of the full reading', () => {
    expect(kanaKeys('やまだはなこ').looseRomaji.startsWith(normalizeQueryKana('ヤマ') ?? '-')).toBe(true);
  });

  it('returns null for queries with neither kana nor Latin letters', () => {
    expect(normalizeQueryKana('山田')).toBeNull();
    expect(normalizeQueryKana('8000')).toBeNull();
    expect(normalizeQueryKana('  ')).toBeNull();
  });

  it('property: hiragana and katakana spellings of a reading normalise identically', () => {
    const hiragana = fc
      .array(
        fc.constantFrom(
          ...'あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわんがぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽ',
        ),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(hiragana, (reading) => {
        expect(normalizeQueryKana(toKatakana(reading))).toBe(normalizeQueryKana(reading));
        expect(kanaKeys(toKatakana(reading)).hiragana).toBe(reading);
      }),
    );
  });
});
