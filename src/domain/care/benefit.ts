// The tier's birthday-month benefit as a message says it: a short phrase in the message language that
// fills `{benefit}` in a birthday template that allows it. The loyalty programme stores the benefit as
// the share of the price she pays (seed 000: 75 — "75折" in Chinese, "25% off" in Japanese and English).
import type { Locale } from '../../contracts/common';

/** 75 → "75", 90 → "9", 85 → "85": how a Chinese price tag names the share she pays (X折). */
function zheOf(pricePercent: number): string {
  return pricePercent % 10 === 0 ? String(pricePercent / 10) : String(pricePercent);
}

const PHRASES: Record<Locale, (pricePercent: number) => string> = {
  'zh-CN': (p) => `生日月享${zheOf(p)}折`,
  'zh-TW': (p) => `生日當月享${zheOf(p)}折`,
  ja: (p) => `お誕生月は${100 - p}%オフ`,
  en: (p) => `${100 - p}% off in your birthday month`,
};

/**
 * The birthday-month benefit in words (`birthdayMonthPricePercent` of her tier: the % of the price she
 * pays in her birthday month); null when her tier has none — no value, 100 % or more, or not a whole
 * percentage between 1 and 99 — so a template that needs `{benefit}` is not offered.
 */
export function birthdayBenefitPhrase(pricePercent: number | null | undefined, locale: Locale): string | null {
  if (pricePercent === null || pricePercent === undefined) return null;
  if (!Number.isInteger(pricePercent) || pricePercent <= 0 || pricePercent >= 100) return null;
  return PHRASES[locale](pricePercent);
}
