// Phone numbers: normalised to E.164 from whatever staff type or a spreadsheet holds, masked for lists,
// and cut to a tail for search. Uses the "max" metadata of libphonenumber-js (bundled, works offline), so
// validity checks know the mobile and fixed-line ranges of each country.
import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';

export type { CountryCode } from 'libphonenumber-js/max';

export type PhoneErrorReason = 'empty' | 'not_a_number' | 'invalid_country' | 'too_short' | 'too_long' | 'invalid';

export type PhoneLineType = 'mobile' | 'fixed_line' | 'other' | 'unknown';

export type NormalizedPhone = {
  ok: true;
  /** +8613800138000 */
  e164: string;
  /** As dialled inside the country, formatted: 138 0013 8000, 090-1234-5678, 0912 345 678. */
  national: string;
  country: CountryCode | null;
  /** False when the number has a plausible length but is not in an allocated range. */
  valid: boolean;
  lineType: PhoneLineType;
  /** True when the number only became valid by trying one of `alternativeCountries`. */
  countryGuessed: boolean;
};

export type PhoneError = { ok: false; reason: PhoneErrorReason };

export type PhoneResult = NormalizedPhone | PhoneError;

export type NormalizePhoneOptions = {
  /**
   * Countries to try, in order, when the number has no country code and is not valid for the default
   * country: a mainland mobile typed in a Hong Kong or Tokyo store (13800138000).
   */
  alternativeCountries?: readonly CountryCode[];
};

/** Full-width digits, spaces, dashes, dots, parentheses removed; a leading 00 becomes +. */
export function cleanPhoneInput(raw: string): string {
  const compact = raw.normalize('NFKC').replace(/[\s\-‐-―().・/]/gu, '');
  return compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
}

const LENGTH_REASONS: Record<string, PhoneErrorReason> = {
  NOT_A_NUMBER: 'not_a_number',
  INVALID_COUNTRY: 'invalid_country',
  TOO_SHORT: 'too_short',
  TOO_LONG: 'too_long',
  INVALID_LENGTH: 'invalid',
};

function lineType(phone: PhoneNumber): PhoneLineType {
  const type = phone.getType();
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE') return 'fixed_line';
  if (type === 'FIXED_LINE_OR_MOBILE') return 'mobile';
  return type ? 'other' : 'unknown';
}

function toResult(phone: PhoneNumber, countryGuessed: boolean): NormalizedPhone {
  return {
    ok: true,
    e164: phone.number,
    national: phone.formatNational(),
    country: phone.country ?? null,
    valid: phone.isValid(),
    lineType: lineType(phone),
    countryGuessed,
  };
}

/**
 * Parses a phone number as typed (全角 digits, 138-0013-8000, (02) 2345-6789, +86 …, 0086 …) with the
 * store's country as default. Returns the E.164 form or why it cannot be one.
 */
export function normalizePhone(
  raw: string,
  defaultCountry: CountryCode,
  options: NormalizePhoneOptions = {},
): PhoneResult {
  const input = cleanPhoneInput(raw);
  if (input === '' || input === '+') return { ok: false, reason: 'empty' };
  if (!/\d/.test(input)) return { ok: false, reason: 'not_a_number' };
  const lengthProblem = validatePhoneNumberLength(input, defaultCountry);
  const phone = parsePhoneNumberFromString(input, defaultCountry);
  if (!input.startsWith('+') && !phone?.isValid()) {
    for (const country of options.alternativeCountries ?? []) {
      const guess = parsePhoneNumberFromString(input, country);
      if (guess?.isValid()) return toResult(guess, country !== defaultCountry);
    }
  }
  if (lengthProblem) return { ok: false, reason: LENGTH_REASONS[lengthProblem] ?? 'invalid' };
  if (!phone) return { ok: false, reason: 'not_a_number' };
  return toResult(phone, false);
}

/** The digits of a number as dialled inside its country (trunk 0 included for JP/TW/CN landlines). */
function domesticDigits(e164: string): string {
  const phone = parsePhoneNumberFromString(e164.startsWith('+') ? e164 : `+${e164}`);
  if (phone) return phone.formatNational().replace(/\D/g, '');
  return e164.replace(/\D/g, '');
}

export const MIN_MASKED_DIGITS = 4;

/**
 * Masks a number for lists and roles that may not see it: keeps up to 3 leading and 4 trailing digits
 * of the domestic form and always hides at least 4 (13800138000 → 138****8000, 090-1234-5678 →
 * 090****5678, HK 9123 4567 → ****4567).
 */
export function maskPhone(e164: string): string {
  const digits = domesticDigits(e164);
  const length = digits.length;
  if (length === 0) return '';
  const tail = length >= 8 ? 4 : Math.max(0, Math.min(length - MIN_MASKED_DIGITS, 2));
  const head = Math.max(0, Math.min(3, length - tail - MIN_MASKED_DIGITS));
  const hidden = length - head - tail;
  return digits.slice(0, head) + '*'.repeat(hidden) + digits.slice(length - tail);
}

/** The last n digits of a number (what staff type in the search box to find a customer). */
export function phoneTail(e164: string, n = 4): string {
  const digits = e164.replace(/\D/g, '');
  return n <= 0 ? '' : digits.slice(-n);
}
