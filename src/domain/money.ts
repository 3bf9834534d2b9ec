// Money is kept in integer minor units with its currency; these convert for display and export.

/** Digits after the decimal point (ISO 4217 as Intl knows it): CNY 2, TWD 2, HKD 2, JPY 0. */
export function currencyDigits(currency: string): number {
  // Building an Intl.NumberFormat costs ~30 µs: cached, since imports convert a million amounts.
  let d = DIGITS.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    DIGITS.set(currency, d);
  }
  return d;
}
const DIGITS = new Map<string, number>();

/** 159900 CNY → 1599; 3800 JPY → 3800. */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** 1599.5 CNY → 159950; fractions below the minor unit are rounded half away from zero. */
export function toMinor(major: number, currency: string): number {
  const f = 10 ** currencyDigits(currency);
  return Math.sign(major) * Math.round(Math.abs(major) * f);
}
