// The sale screen's state: lines typed in major units, turned into the contract's body in minor units,
// with client and server problems keyed `lines.N.field` so each shows under its own input.
import {
  createReceiptBodySchema,
  type CreateReceiptInput,
  type PAYMENT_METHODS,
} from '../../../../contracts/purchases';
import { isApiError } from '../../../lib/api-client';
import { linePaid, toMinor } from './money';

export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export type SaleLine = {
  key: string;
  styleNo: string;
  productName: string;
  category: string;
  size: string;
  colour: string;
  quantity: number | string;
  listPrice: number | string;
  discount: number | string;
  colours: string[];
};

export type SaleValues = {
  receiptNo: string;
  paymentMethod: PaymentMethod | '';
  day: string;
  lines: SaleLine[];
};

/** Field → message key (`purchases.errors.*` or `errors:field.*`). */
export type SaleErrors = Record<string, string>;

let counter = 0;
export function newLine(): SaleLine {
  counter += 1;
  return {
    key: `l${counter}`,
    styleNo: '',
    productName: '',
    category: '',
    size: '',
    colour: '',
    quantity: 1,
    listPrice: '',
    discount: '',
    colours: [],
  };
}

/** A receipt number she can overwrite: store code, date and time in the store's zone, and two random letters. */
export function suggestReceiptNo(storeCode: string, at: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: '2-digit',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '';
  const tail = Math.floor(Math.random() * 36 ** 2)
    .toString(36)
    .padStart(2, '0')
    .toUpperCase();
  return `${storeCode}-${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}${tail}`;
}

export type LineMoney = { quantity: number; list: number | null; discount: number; paid: number };

export function lineMoney(l: SaleLine, currency: string): LineMoney {
  const quantity = Math.max(0, Math.trunc(Number(l.quantity) || 0));
  const list = toMinor(l.listPrice, currency);
  const discount = toMinor(l.discount, currency) ?? 0;
  return { quantity, list, discount, paid: list === null ? 0 : linePaid(quantity, list, discount) };
}

export function totals(lines: SaleLine[], currency: string) {
  return lines.reduce(
    (s, l) => {
      const m = lineMoney(l, currency);
      return { list: s.list + (m.list ?? 0) * m.quantity, discount: s.discount + m.discount, paid: s.paid + m.paid };
    },
    { list: 0, discount: 0, paid: 0 },
  );
}

const opt = (s: string) => (s.trim() ? s.trim() : undefined);

/** The body for POST /api/purchases, or the problems that keep it from being sent. */
export function buildSale(
  v: SaleValues,
  ctx: { storeId: string; customerId: string; currency: string; occurredAt: string | undefined },
): { body: CreateReceiptInput | null; errors: SaleErrors } {
  const errors: SaleErrors = {};
  const lines = v.lines.map((l, i) => {
    const m = lineMoney(l, ctx.currency);
    if (!l.styleNo.trim() && !l.productName.trim()) errors[`lines.${i}.productName`] = 'purchases.errors.nameOrStyle';
    if (m.list === null) errors[`lines.${i}.unitListPrice`] = 'errors:field.required';
    else if (m.list < 0) errors[`lines.${i}.unitListPrice`] = 'purchases.errors.negative';
    if (m.quantity < 1) errors[`lines.${i}.quantity`] = 'purchases.errors.quantity';
    if (m.discount < 0) errors[`lines.${i}.discount`] = 'purchases.errors.negative';
    else if (m.list !== null && m.discount > m.list * m.quantity)
      errors[`lines.${i}.discount`] = 'purchases.errors.too_much_discount';
    return {
      styleNo: opt(l.styleNo),
      productName: opt(l.productName),
      category: opt(l.category),
      size: opt(l.size),
      colour: opt(l.colour),
      quantity: m.quantity,
      unitListPrice: m.list ?? 0,
      discount: m.discount,
    };
  });
  if (!v.receiptNo.trim()) errors.receiptNo = 'errors:field.required';
  const input = {
    storeId: ctx.storeId,
    customerId: ctx.customerId,
    receiptNo: v.receiptNo.trim(),
    currency: ctx.currency,
    paymentMethod: v.paymentMethod || undefined,
    occurredAt: ctx.occurredAt,
    lines,
  };
  if (Object.keys(errors).length) return { body: null, errors };
  const parsed = createReceiptBodySchema.safeParse(input);
  if (parsed.success) return { body: parsed.data, errors };
  for (const issue of parsed.error.issues) {
    const key = issue.path.join('.');
    errors[key] ??= issue.code === 'too_big' ? 'errors:field.too_long' : 'errors:field.invalid';
  }
  return { body: null, errors };
}

// Server field codes with a sentence of their own in `purchases.errors`.
const OWN_CODES = new Set([
  'unknown_category',
  'too_many',
  'too_much',
  'currency_mismatch',
  'unknown_customer',
  'unknown_store',
]);

/** Problem+json fields (`body.lines.1.discount`) → this form's keys and messages. */
export function serverErrors(err: unknown): SaleErrors {
  const out: SaleErrors = {};
  if (!isApiError(err)) return out;
  for (const f of err.fields) {
    const key = f.field.replace(/^(body|params|query)\./, '');
    out[key] ??= OWN_CODES.has(f.code)
      ? `purchases.errors.${f.code}`
      : f.code === 'too_small'
        ? 'errors:field.required'
        : f.code === 'too_big'
          ? 'errors:field.too_long'
          : f.code === 'custom' && key.endsWith('.discount')
            ? 'purchases.errors.too_much_discount'
            : f.code === 'custom' && key.endsWith('.productName')
              ? 'purchases.errors.nameOrStyle'
              : 'errors:field.invalid';
  }
  return out;
}
