// After-sales rules of seed 001, as pure functions: textiles are under warranty for 3 months, leather
// for 6; from day 15 after the sale a quality fault not caused by wear is repaired free; if it cannot be
// repaired (or not to its original state) it is exchanged for a depreciation charge of 5% within 30
// days, 10% at 30–60 days and 20% at 61–90 days; outside warranty repairs are paid and invoiced.
// Bands, percentages and periods are data, editable per organisation.

export type DepreciationBand = { fromDay: number; toDay: number; percent: number };

export type AfterSalesPolicy = {
  warrantyMonths: number;
  /** Days after the sale from which the free-repair promise applies (before it: the shop's return/exchange rules). */
  freeRepairFromDay: number;
  depreciationBands: DepreciationBand[];
};

export const DEFAULT_BANDS: DepreciationBand[] = [
  { fromDay: 0, toDay: 30, percent: 5 },
  { fromDay: 31, toDay: 60, percent: 10 },
  { fromDay: 61, toDay: 90, percent: 20 },
];

export const DEFAULT_POLICIES: Record<'textile' | 'leather', AfterSalesPolicy> = {
  textile: { warrantyMonths: 3, freeRepairFromDay: 15, depreciationBands: DEFAULT_BANDS },
  leather: { warrantyMonths: 6, freeRepairFromDay: 15, depreciationBands: DEFAULT_BANDS },
};

export type FaultCause = 'quality' | 'wear' | 'accident' | 'unknown';

export type RepairCase = {
  /** YYYY-MM-DD in the store's time zone. */
  purchasedOn: string;
  /** The day the item was brought in, YYYY-MM-DD. */
  reportedOn: string;
  cause: FaultCause;
  isRepairable: boolean;
  /** What she paid for the item, minor units. */
  paidAmount: number;
  policy: AfterSalesPolicy;
};

export type RepairRule =
  | 'early_exchange_window' // before day 15: the shop's ordinary return/exchange rules apply
  | 'free_repair' // quality fault, day 15 or later, within warranty, repairable
  | 'paid_exchange_depreciation' // quality fault within warranty that cannot be repaired
  | 'exchange_outside_bands' // cannot be repaired, within warranty but past the last band
  | 'paid_repair_wear' // caused by wear or an accident: paid, invoiced
  | 'paid_repair_out_of_warranty'; // warranty over: paid, invoiced

export type RepairAssessment = {
  rule: RepairRule;
  daysSincePurchase: number;
  warrantyEndsOn: string;
  isWithinWarranty: boolean;
  isFree: boolean;
  /** Exchange charge in minor units (0 unless a depreciation band applies). */
  depreciationCharge: number;
  depreciationPercent: number;
  band: DepreciationBand | null;
};

const DAY = 86_400_000;

function parseDay(d: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) throw new RangeError(`Not a date: ${d}`);
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t).toISOString().slice(0, 10);
  if (back !== d) throw new RangeError(`Not a date: ${d}`);
  return t;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to) - parseDay(from)) / DAY);
}

/** The last day of the warranty: the same day of the month N months later, clamped to month end. */
export function warrantyEnd(purchasedOn: string, months: number): string {
  const t = new Date(parseDay(purchasedOn));
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(t.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

export function bandFor(days: number, bands: readonly DepreciationBand[]): DepreciationBand | null {
  return bands.find((b) => days >= b.fromDay && days <= b.toDay) ?? null;
}

/** Rounds half up in minor units: a charge is never a fraction of a fen, sen or cent. */
export function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}

export function assessRepair(c: RepairCase): RepairAssessment {
  const days = daysBetween(c.purchasedOn, c.reportedOn);
  if (days < 0) throw new RangeError('The item was reported before it was bought');
  const warrantyEndsOn = warrantyEnd(c.purchasedOn, c.policy.warrantyMonths);
  const isWithinWarranty = c.reportedOn <= warrantyEndsOn;
  const base = {
    daysSincePurchase: days,
    warrantyEndsOn,
    isWithinWarranty,
    depreciationCharge: 0,
    depreciationPercent: 0,
    band: null,
  };
  if (c.cause === 'wear' || c.cause === 'accident') return { ...base, rule: 'paid_repair_wear', isFree: false };
  if (!isWithinWarranty) return { ...base, rule: 'paid_repair_out_of_warranty', isFree: false };
  if (days < c.policy.freeRepairFromDay) return { ...base, rule: 'early_exchange_window', isFree: true };
  if (c.isRepairable) return { ...base, rule: 'free_repair', isFree: true };
  const band = bandFor(days, c.policy.depreciationBands);
  if (!band) return { ...base, rule: 'exchange_outside_bands', isFree: false };
  return {
    ...base,
    rule: 'paid_exchange_depreciation',
    isFree: false,
    band,
    depreciationPercent: band.percent,
    depreciationCharge: percentOf(c.paidAmount, band.percent),
  };
}

/** Checks an edited band table: ordered, non-overlapping, percentages 0–100. Returns the problems. */
export function validateBands(bands: readonly DepreciationBand[]): string[] {
  const problems: string[] = [];
  bands.forEach((b, i) => {
    if (b.fromDay > b.toDay) problems.push(`Band ${i + 1}: the first day comes after the last`);
    if (b.percent < 0 || b.percent > 100) problems.push(`Band ${i + 1}: the percentage must be 0–100`);
    const prev = bands[i - 1];
    if (prev && b.fromDay <= prev.toDay) problems.push(`Band ${i + 1} overlaps band ${i}`);
  });
  return problems;
}
