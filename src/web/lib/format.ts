// Money and dates, always in the store's currency and time zone, worded for the UI language.
import type { Locale } from '../../contracts/common';

const INTL_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', ja: 'ja-JP', en: 'en' };

export function intlLocale(locale: string): string {
  return INTL_LOCALE[locale as Locale] ?? locale;
}

/** Digits after the decimal point for a currency: 2 for CNY, 0 for JPY and (by ISO 4217) 2 for TWD. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats an amount kept in minor units (fen, sen, cents; yen has none). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(minor / 10 ** digits);
}

export function formatDate(iso: string | Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string | Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(iso));
}

/** A full local date with the weekday, e.g. "2025年5月3日星期六" or "Saturday, 3 May 2025". */
export function formatLongDate(at: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone }).format(at);
}

export function formatTime(at: Date, locale: string, timeZone: string): string {
  // Shops keep 24-hour time: "18:30", not "下午6:30".
  return new Intl.DateTimeFormat(intlLocale(locale), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
}

/** The hour (0–23) at `at` in a time zone, to greet by the store's clock rather than the phone's. */
export function hourIn(at: Date, timeZone: string): number {
  const part = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone })
    .formatToParts(at)
    .find((p) => p.type === 'hour');
  return Number(part?.value ?? 0);
}

export type DayPart = 'morning' | 'afternoon' | 'evening';
export function dayPart(hour: number): DayPart {
  if (hour >= 5 && hour < 12) return 'morning';
  if (hour >= 12 && hour < 18) return 'afternoon';
  return 'evening';
}

/** The UTC instant of a local calendar day's start in the browser's zone, for `from`/`to` filters. */
export function dayStartIso(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}
export function dayEndIso(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(intlLocale(locale), { style: 'short', type: 'conjunction' }).format(items);
}

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/** Avatar letters: the given name for Chinese and Japanese names (小美), initials otherwise (WL). */
export function initials(name: string): string {
  const n = name.trim();
  if (CJK.test(n)) return [...n.replace(/\s+/g, '')].slice(-2).join('');
  const words = n.split(/\s+/).filter(Boolean);
  if (words.length >= 2) return (words[0]![0]! + words[1]![0]!).toUpperCase();
  return n.slice(0, 2).toUpperCase();
}
