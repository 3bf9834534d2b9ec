// Choices for the store form, named in the UI language by Intl.DisplayNames.
import type { Locale } from '../../../../contracts/common';
import { intlLocale } from '../../../lib/format';

type Preset = { currency: string; timezone: string; locale: Locale };

// Where Keqing's stores usually are; picking a country pre-fills its money, clock and language.
export const COUNTRY_PRESETS: Record<string, Preset> = {
  CN: { currency: 'CNY', timezone: 'Asia/Shanghai', locale: 'zh-CN' },
  HK: { currency: 'HKD', timezone: 'Asia/Hong_Kong', locale: 'zh-TW' },
  MO: { currency: 'MOP', timezone: 'Asia/Macau', locale: 'zh-TW' },
  TW: { currency: 'TWD', timezone: 'Asia/Taipei', locale: 'zh-TW' },
  JP: { currency: 'JPY', timezone: 'Asia/Tokyo', locale: 'ja' },
  SG: { currency: 'SGD', timezone: 'Asia/Singapore', locale: 'zh-CN' },
  MY: { currency: 'MYR', timezone: 'Asia/Kuala_Lumpur', locale: 'zh-CN' },
  KR: { currency: 'KRW', timezone: 'Asia/Seoul', locale: 'en' },
  TH: { currency: 'THB', timezone: 'Asia/Bangkok', locale: 'en' },
  US: { currency: 'USD', timezone: 'America/Los_Angeles', locale: 'en' },
  GB: { currency: 'GBP', timezone: 'Europe/London', locale: 'en' },
  FR: { currency: 'EUR', timezone: 'Europe/Paris', locale: 'en' },
  IT: { currency: 'EUR', timezone: 'Europe/Rome', locale: 'en' },
  AU: { currency: 'AUD', timezone: 'Australia/Sydney', locale: 'en' },
};

const CURRENCIES = ['CNY', 'HKD', 'MOP', 'TWD', 'JPY', 'SGD', 'MYR', 'KRW', 'THB', 'USD', 'GBP', 'EUR', 'AUD'];

function displayName(type: 'region' | 'currency', code: string, lng: string): string {
  try {
    return new Intl.DisplayNames([intlLocale(lng)], { type }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Options for a Select, keeping a value the list does not know (an existing store's own). */
function withCurrent(codes: string[], current: string | undefined): string[] {
  return current && !codes.includes(current) ? [current, ...codes] : codes;
}

export function countryOptions(lng: string, current?: string) {
  return withCurrent(Object.keys(COUNTRY_PRESETS), current).map((c) => ({
    value: c,
    label: `${displayName('region', c, lng)} (${c})`,
  }));
}

export function currencyOptions(lng: string, current?: string) {
  return withCurrent(CURRENCIES, current).map((c) => ({
    value: c,
    label: `${c} · ${displayName('currency', c, lng)}`,
  }));
}

let zones: string[] | null = null;
export function timezoneOptions(current?: string): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return withCurrent(zones, current);
}
