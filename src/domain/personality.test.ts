import { describe, expect, it } from 'vitest';
import {
  BUYING_PSYCHOLOGY_TYPES,
  PERSONALITY_TYPES,
  customerTypeLabel,
  isBuyingPsychologyKey,
  isPersonalityTypeKey,
  serviceTip,
  type CustomerTypeKey,
} from './personality';

const LOCALES = ['zh-CN', 'zh-TW', 'ja', 'en'] as const;
const ALL = [...BUYING_PSYCHOLOGY_TYPES, ...PERSONALITY_TYPES];

describe('customer types of seed 004', () => {
  it('lists the seed’s buying psychologies and personalities, by stable key', () => {
    expect(BUYING_PSYCHOLOGY_TYPES.map((t) => t.key)).toEqual(['vanity', 'belonging', 'fear', 'keeping_up']);
    expect(PERSONALITY_TYPES.map((t) => t.key)).toEqual([
      'impulsive',
      'passive',
      'novelty_seeking',
      'comparing',
      'trying',
      'companion',
      'independent',
    ]);
  });

  it('uses the seed’s own names in Traditional Chinese', () => {
    expect(ALL.map((t) => t.label['zh-TW'])).toEqual([
      '虛榮型',
      '歸屬型',
      '恐懼型',
      '攀比型',
      '衝動型',
      '被動型',
      '求新立異型',
      '比較型',
      '嘗試型',
      '夥伴型',
      '孤獨型',
    ]);
  });

  it.each(ALL.flatMap((t) => LOCALES.map((locale) => [t.key, locale] as const)))(
    '%s has a label, description and tip in %s',
    (key, locale) => {
      const entry = ALL.find((t) => t.key === key);
      expect(entry?.label[locale].trim()).not.toBe('');
      expect(entry?.description[locale].trim()).not.toBe('');
      expect(serviceTip(key, locale).trim()).not.toBe('');
    },
  );

  it('writes each language in its own script (no untranslated Chinese in ja/en, no simplified in zh-TW)', () => {
    for (const t of ALL) {
      expect(t.tip.en).toMatch(/^[\x20-\x7e’]+$/);
      expect(t.tip.ja).toMatch(/[\p{Script=Hiragana}]/u);
      expect(t.tip['zh-TW']).not.toBe(t.tip['zh-CN']);
    }
  });

  it.each<[CustomerTypeKey, string, string]>([
    ['fear', 'zh-TW', '先和他們交朋友'],
    ['passive', 'zh-CN', '不要催促他们做决定'],
    ['companion', 'zh-TW', '領袖人物'],
    ['comparing', 'en', 'blind spots'],
    ['vanity', 'ja', 'ほめ'],
  ])('the tip for %s (%s) carries the seed’s advice: %s', (key, locale, phrase) => {
    expect(serviceTip(key, locale as (typeof LOCALES)[number])).toContain(phrase);
  });

  it('marks the one type the seed names without advice as editorial', () => {
    expect(ALL.filter((t) => t.tipSource === 'editorial').map((t) => t.key)).toEqual(['keeping_up']);
  });

  it('tells the two families of keys apart', () => {
    expect(isBuyingPsychologyKey('fear')).toBe(true);
    expect(isPersonalityTypeKey('fear')).toBe(false);
    expect(isPersonalityTypeKey('impulsive')).toBe(true);
    expect(isBuyingPsychologyKey('nonsense')).toBe(false);
    expect(customerTypeLabel('independent', 'en')).toBe('Independent');
  });
});
