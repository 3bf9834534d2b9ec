import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../contracts/common';
import { birthdayBenefitPhrase } from './benefit';
import { defaultTemplates } from './library';
import { SAMPLE_CONTEXTS, pickTemplates, renderTemplate } from './templates';

describe('the birthday-month benefit in words', () => {
  it.each<[Locale, number, string]>([
    ['zh-CN', 75, '生日月享75折'],
    ['zh-CN', 90, '生日月享9折'],
    ['zh-CN', 85, '生日月享85折'],
    ['zh-TW', 75, '生日當月享75折'],
    ['zh-TW', 80, '生日當月享8折'],
    ['ja', 75, 'お誕生月は25%オフ'],
    ['ja', 90, 'お誕生月は10%オフ'],
    ['en', 75, '25% off in your birthday month'],
    ['en', 88, '12% off in your birthday month'],
  ])('%s, paying %i%% of the price: %s', (locale, percent, phrase) => {
    expect(birthdayBenefitPhrase(percent, locale)).toBe(phrase);
  });

  it.each(LOCALES)('%s: no phrase without a benefit (none, full price, nonsense)', (locale) => {
    for (const none of [null, undefined, 100, 0, 120, 75.5]) expect(birthdayBenefitPhrase(none, locale)).toBeNull();
  });

  it.each(LOCALES)('%s: the default benefit template says it warmly, and is not offered without it', (locale) => {
    const benefit = birthdayBenefitPhrase(75, locale)!;
    const ctx = { ...SAMPLE_CONTEXTS[locale], benefit };
    const withBenefit = pickTemplates(defaultTemplates(locale), { category: 'birthday', locale, context: ctx });
    const offered = withBenefit.filter((t) => t.allowsBenefit);
    expect(offered.length).toBeGreaterThan(0);
    for (const t of offered) {
      const r = renderTemplate(t, ctx);
      expect(r.ok && r.text.includes(benefit)).toBe(true);
    }
    const without = pickTemplates(defaultTemplates(locale), {
      category: 'birthday',
      locale,
      context: { ...ctx, benefit: null },
    });
    expect(without.length).toBeGreaterThan(0);
    expect(without.some((t) => t.allowsBenefit)).toBe(false);
  });
});
