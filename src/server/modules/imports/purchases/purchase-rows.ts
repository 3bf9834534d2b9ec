// One file row → one validated purchase line (or the reasons it is rejected).
import type { Cell } from '../values';
import { cellText, parseDate } from '../values';
import { toMinor } from '../../../../domain/money';
import { normalizeMemberNo } from '../../../../domain/search-keys';
import { isReturnMarker, type FileShape, type PurchaseField } from './purchase-headers';

export type Rejected = { line: number; field: string; message: string };
export type LineRow = {
  line: number;
  receiptNo: string;
  occurredAt: string; // ISO instant
  day: string; // the store-local date, YYYY-MM-DD
  customerKey: string | null; // m:<member no> or p:<raw phone>
  memberNo: string | null;
  phone: string | null;
  customerName: string | null;
  styleNo: string | null;
  productName: string;
  category: string | null;
  size: string | null;
  colour: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
  paidAmount: number;
  paymentMethod: string | null;
  isReturn: boolean;
};

/** 1,299.00 / ¥1299 / NT$1,299 / １２９９ → 1299; null when it is not a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function parseAmount(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const text = cellText(cell); // NFKC-folded and trimmed
  if (PLAIN_NUMBER.test(text)) return Number(text); // the common case: nothing to strip
  const s = text.replace(/[,\s¥￥$€円元]|NT|HK|RMB/giu, '');
  if (s === '') return null;
  return PLAIN_NUMBER.test(s) ? Number(s) : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const zoneCache = new Map<string, string>();

/** Wall-clock time in a zone → the instant (DST-safe by one correction step); formatters are cached. */
export function zonedToUtc(date: string, time: string, timeZone: string): string {
  const key = `${date}T${time}|${timeZone}`;
  const hit = zoneCache.get(key);
  if (hit) return hit;
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, fmt);
  }
  const guess = Date.parse(`${date}T${time}Z`);
  const parts = fmt.formatToParts(new Date(guess));
  const v = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  const shown = Date.parse(`${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}:${v('second')}Z`);
  const result = new Date(guess - (shown - guess)).toISOString();
  if (zoneCache.size > 100_000) zoneCache.clear();
  zoneCache.set(key, result);
  return result;
}

type When = { day: string; occurredAt: string } | { error: string };
// A file holds a few hundred distinct date cells for a million rows: each is parsed (and put in the
// store's zone) once. Keyed by zone and text; Date cells (Excel) are not cached.
const whenCache = new Map<string, When>();

function parseWhen(rawDate: Cell, timeZone: string): When {
  const dateText = rawDate instanceof Date ? rawDate.toISOString().slice(0, 10) : cellText(rawDate);
  const key = rawDate instanceof Date ? null : `${timeZone}|${typeof rawDate === 'number' ? 'n' : 's'}|${dateText}`;
  const hit = key === null ? undefined : whenCache.get(key);
  if (hit) return hit;
  const [dPart = '', tPart] = dateText.split(/[ T]+/);
  const d = parseDate(typeof rawDate === 'number' ? rawDate : dPart);
  let when: When;
  if (!d.ok) when = { error: d.message };
  else if (!d.value) when = { error: 'The date is missing' };
  else {
    const time = tPart && /^\d{1,2}:\d{2}(:\d{2})?$/.test(tPart) ? tPart.padStart(5, '0').padEnd(8, ':00') : '12:00:00';
    when = { day: d.value, occurredAt: zonedToUtc(d.value, time.length === 5 ? `${time}:00` : time, timeZone) };
  }
  if (key !== null) {
    if (whenCache.size > 100_000) whenCache.clear();
    whenCache.set(key, when);
  }
  return when;
}

function cellOf(cells: Cell[], map: Partial<Record<PurchaseField, number>>, f: PurchaseField): Cell {
  const i = map[f];
  return i === undefined ? null : (cells[i] ?? null);
}

/** cellText is already NFKC-folded and trimmed (folding again changes nothing). */
function textOf(cells: Cell[], map: Partial<Record<PurchaseField, number>>, f: PurchaseField): string | null {
  return cellText(cellOf(cells, map, f)) || null;
}

export function parseLine(
  line: number,
  cells: Cell[],
  map: Partial<Record<PurchaseField, number>>,
  shape: FileShape,
  ctx: { currency: string; timeZone: string },
): { row: LineRow | null; errors: Rejected[] } {
  const errors: Rejected[] = [];
  // Plain functions over the row (cellOf, textOf), not closures made per row: a million rows.
  const receiptNo = textOf(cells, map, 'receiptNo');
  if (!receiptNo) errors.push({ line, field: 'receipt_no', message: 'The receipt number is missing' });
  let occurredAt = '';
  let day = '';
  const when = parseWhen(cellOf(cells, map, 'occurredAt'), ctx.timeZone);
  if ('error' in when) errors.push({ line, field: 'date', message: when.error });
  else ({ day, occurredAt } = when);
  const memberText = textOf(cells, map, 'memberNo');
  const memberNo = memberText ? normalizeMemberNo(memberText) : null;
  const phone = textOf(cells, map, 'phone');
  const kindText = textOf(cells, map, 'kind') ?? '';
  let quantity = 1;
  if (shape === 'lines' && map.quantity !== undefined) {
    const q = parseAmount(cellOf(cells, map, 'quantity'));
    if (q === null || !Number.isInteger(q) || q === 0)
      errors.push({ line, field: 'quantity', message: 'The quantity must be a whole number other than 0' });
    else quantity = q;
  }
  const unit = shape === 'lines' ? parseAmount(cellOf(cells, map, 'unitPrice')) : null;
  const paid = parseAmount(cellOf(cells, map, 'paidAmount'));
  const discount = parseAmount(cellOf(cells, map, 'discount')) ?? 0;
  if (
    cellOf(cells, map, 'unitPrice') !== null &&
    cellText(cellOf(cells, map, 'unitPrice')).trim() !== '' &&
    unit === null
  )
    errors.push({ line, field: 'price', message: 'The price is not a number' });
  if (
    cellOf(cells, map, 'paidAmount') !== null &&
    cellText(cellOf(cells, map, 'paidAmount')).trim() !== '' &&
    paid === null
  )
    errors.push({ line, field: 'amount', message: 'The amount is not a number' });
  if (shape === 'receipts' && paid === null) errors.push({ line, field: 'amount', message: 'The amount is missing' });
  const styleNo = textOf(cells, map, 'styleNo');
  const productName = textOf(cells, map, 'productName') ?? styleNo ?? (shape === 'receipts' ? '(receipt total)' : null);
  if (!productName) errors.push({ line, field: 'product', message: 'Give a style number or a product name' });
  const isReturn = isReturnMarker(kindText);
  if (quantity < 0 && !isReturn)
    errors.push({
      line,
      field: 'quantity',
      message: 'A negative quantity is only accepted on a row marked as a return',
    });
  if (errors.length) return { row: null, errors };
  const absQty = Math.abs(quantity);
  const unitMinor = toMinor(Math.abs(unit ?? (paid ?? 0) / absQty), ctx.currency);
  const paidMinor =
    paid !== null ? toMinor(Math.abs(paid), ctx.currency) : unitMinor * absQty - toMinor(discount, ctx.currency);
  return {
    row: {
      line,
      receiptNo: receiptNo!,
      occurredAt,
      day,
      customerKey: memberNo ? `m:${memberNo}` : phone ? `p:${phone}` : null,
      memberNo,
      phone,
      customerName: textOf(cells, map, 'customerName'),
      styleNo,
      productName: productName!,
      category: textOf(cells, map, 'category'),
      size: textOf(cells, map, 'size'),
      colour: textOf(cells, map, 'colour'),
      quantity: absQty,
      unitPrice: unitMinor,
      discount: Math.max(0, unitMinor * absQty - paidMinor),
      paidAmount: paidMinor,
      paymentMethod: textOf(cells, map, 'paymentMethod'),
      isReturn: isReturn || quantity < 0,
    },
    errors: [],
  };
}
