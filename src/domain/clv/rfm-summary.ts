// Customer-base summary for the BG/NBD and Gamma-Gamma models, derived as in Fader, Hardie and Lee (2005)
// and the CDNOW literature: purchases of one customer on one day are one transaction (amounts summed);
// the first purchase starts the customer's clock; x counts the repeat purchase days up to the calibration
// end (inclusive); t_x is the time of the last of them and T the time of the calibration end, both after
// the first purchase, in units of `unitDays` days (7: weeks, as in the papers).

export type Transaction = { customerId: string; date: string; amount: number };

export type RfmRow = {
  customerId: string;
  /** Day number (days since 1970-01-01, UTC) of the first purchase. */
  firstDay: number;
  /** Repeat transactions (distinct purchase days after the first) in the calibration period. */
  x: number;
  /** Time of the last calibration transaction after the first, in units (0 when x = 0). */
  tx: number;
  /** Time from the first purchase to the calibration end, in units. */
  T: number;
  /** Mean value of the repeat transactions (0 when x = 0); the spend model's m_x. */
  monetary: number;
  /** Value of each repeat transaction (per purchase day, in order). */
  repeatValues: number[];
};

export type RfmOptions = {
  /** Last day of the calibration period, inclusive ('YYYY-MM-DD'). */
  calibrationEnd: string;
  /** Length of the time unit in days (default 7: weeks). */
  unitDays?: number;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Day number of 'YYYY-MM-DD' (or 'YYYYMMDD') in UTC; throws on an impossible date. */
export function dayNumber(date: string): number {
  const m = DATE.exec(date) ?? COMPACT.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`not a date: ${date}`);
  }
  return ms / 86_400_000;
}

/** 'YYYY-MM-DD' of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Per customer, the purchase days in order with the value of each (same-day purchases summed). */
export function purchaseDays(transactions: readonly Transaction[]): Map<string, { day: number; value: number }[]> {
  const byCustomer = new Map<string, Map<number, number>>();
  const days = new Map<string, number>(); // a shop's purchases fall on few distinct dates
  for (const t of transactions) {
    let day = days.get(t.date);
    if (day === undefined) days.set(t.date, (day = dayNumber(t.date)));
    let own = byCustomer.get(t.customerId);
    if (!own) byCustomer.set(t.customerId, (own = new Map()));
    // a non-finite amount still marks a visit but adds no value
    own.set(day, (own.get(day) ?? 0) + (Number.isFinite(t.amount) ? t.amount : 0));
  }
  const out = new Map<string, { day: number; value: number }[]>();
  for (const [id, days] of byCustomer) {
    out.set(
      id,
      [...days].map(([day, value]) => ({ day, value })).sort((p, q) => p.day - q.day),
    );
  }
  return out;
}

/**
 * One row per customer whose first purchase is on or before the calibration end; later transactions
 * are ignored (they belong to the hold-out period). Rows come in order of first purchase, then id.
 */
export function rfmSummary(transactions: readonly Transaction[], options: RfmOptions): RfmRow[] {
  const unit = options.unitDays ?? 7;
  if (!(unit > 0)) throw new RangeError('unitDays must be positive');
  const end = dayNumber(options.calibrationEnd);
  const rows: RfmRow[] = [];
  for (const [customerId, days] of purchaseDays(transactions)) {
    const first = days[0]!;
    if (first.day > end) continue;
    const repeatValues: number[] = [];
    let last = first.day;
    for (let i = 1; i < days.length && days[i]!.day <= end; i++) {
      repeatValues.push(days[i]!.value);
      last = days[i]!.day;
    }
    const x = repeatValues.length;
    const monetary = x === 0 ? 0 : repeatValues.reduce((s, v) => s + v, 0) / x;
    rows.push({
      customerId,
      firstDay: first.day,
      x,
      tx: (last - first.day) / unit,
      T: (end - first.day) / unit,
      monetary,
      repeatValues,
    });
  }
  return rows.sort(
    (p, q) => p.firstDay - q.firstDay || (p.customerId < q.customerId ? -1 : p.customerId > q.customerId ? 1 : 0),
  );
}
