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
export function parseAmount(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  const s = cellText(cell)
    .normalize('NFKC')
    .replace(/[,\s¥￥$€円元]|NT|HK|RMB/giu, '');
  if (s === '') return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
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

export function parseLine(
  line: number,
  cells: Cell[],
  map: Partial<Record<PurchaseField, number>>,
  shape: FileShape,
  ctx: { currency: string; timeZone: string },
): { row: LineRow | null; errors: Rejected[] } {
  const errors: Rejected[] = [];
  const get = (f: PurchaseField): Cell => (map[f] === undefined ? null : (cells[map[f]!] ?? null));
  const text = (f: PurchaseField) => cellText(get(f)).normalize('NFKC').trim() || null;
  const receiptNo = text('receiptNo');
  if (!receiptNo) errors.push({ line, field: 'receipt_no', message: 'The receipt number is missing' });
  const rawDate = get('occurredAt');
  let occurredAt = '';
  let day = '';
  const dateText =
    rawDate instanceof Date ? rawDate.toISOString().slice(0, 10) : cellText(rawDate).normalize('NFKC').trim();
  const [dPart = '', tPart] = dateText.split(/[ T]+/);
  const d = parseDate(typeof rawDate === 'number' ? rawDate : dPart);
  if (!d.ok) errors.push({ line, field: 'date', message: d.message });
  else if (!d.value) errors.push({ line, field: 'date', message: 'The date is missing' });
  else {
    const time = tPart && /^\d{1,2}:\d{2}(:\d{2})?$/.test(tPart) ? tPart.padStart(5, '0').padEnd(8, ':00') : '12:00:00';
    day = d.value;
    occurredAt = zonedToUtc(d.value, time.length === 5 ? `${time}:00` : time, ctx.timeZone);
  }
  const memberNo = text('memberNo') ? normalizeMemberNo(text('memberNo')!) : null;
  const phone = text('phone');
  const kindText = text('kind') ?? '';
  let quantity = 1;
  if (shape === 'lines' && map.quantity !== undefined) {
    const q = parseAmount(get('quantity'));
    if (q === null || !Number.isInteger(q) || q === 0)
      errors.push({ line, field: 'quantity', message: 'The quantity must be a whole number other than 0' });
    else quantity = q;
  }
  const unit = shape === 'lines' ? parseAmount(get('unitPrice')) : null;
  const paid = parseAmount(get('paidAmount'));
  const discount = parseAmount(get('discount')) ?? 0;
  if (get('unitPrice') !== null && cellText(get('unitPrice')).trim() !== '' && unit === null)
    errors.push({ line, field: 'price', message: 'The price is not a number' });
  if (get('paidAmount') !== null && cellText(get('paidAmount')).trim() !== '' && paid === null)
    errors.push({ line, field: 'amount', message: 'The amount is not a number' });
  if (shape === 'receipts' && paid === null) errors.push({ line, field: 'amount', message: 'The amount is missing' });
  const styleNo = text('styleNo');
  const productName = text('productName') ?? styleNo ?? (shape === 'receipts' ? '(receipt total)' : null);
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
      customerName: text('customerName'),
      styleNo,
      productName: productName!,
      category: text('category'),
      size: text('size'),
      colour: text('colour'),
      quantity: absQty,
      unitPrice: unitMinor,
      discount: Math.max(0, unitMinor * absQty - paidMinor),
      paidAmount: paidMinor,
      paymentMethod: text('paymentMethod'),
      isReturn: isReturn || quantity < 0,
    },
    errors: [],
  };
}
