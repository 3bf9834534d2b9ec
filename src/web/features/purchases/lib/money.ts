// Amounts typed in major units (yuan, yen) become integer minor units with the store's currency digits.
import { currencyDigits } from '../../../lib/format';

/** "1599.9" CNY → 159990; "3800" JPY → 3800; empty or not a number → null. */
export function toMinor(major: number | string | null | undefined, currency: string): number | null {
  if (major === null || major === undefined || major === '') return null;
  const n = typeof major === 'number' ? major : Number(String(major).replace(/[,\s]/g, ''));
  if (!Number.isFinite(n)) return null;
  const f = 10 ** currencyDigits(currency);
  return Math.sign(n) * Math.round(Math.abs(n) * f);
}

/** 159990 CNY → 1599.9 (for an input's value). */
export function toMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** What she pays for a line: quantity × list price − discount, never below zero. */
export function linePaid(quantity: number, unitListPrice: number, discount: number): number {
  return Math.max(0, quantity * unitListPrice - discount);
}

/** The share of a line's paid amount refunded for `quantity` of it, as the server computes it. */
export function refundShare(paidAmount: number, lineQuantity: number, quantity: number): number {
  return lineQuantity > 0 ? Math.round((paidAmount * quantity) / lineQuantity) : 0;
}
