// Points (积分), pure. The ledger is append-only; her balance is the sum of its entries and never goes
// below zero. Rules:
// - Earn: floor(paid / unit × tier multiplier × every active campaign's multiplier), where `unit` is
//   the spend (minor units of the receipt's currency) that earns one point — rounded DOWN to a whole
//   point, once, on the whole receipt. Multipliers are decimals with at most two places, multiplied as
//   integer hundredths so 1.1 × 1.1 never floors 1.21 to 1.2099.
// - Redeem: a positive number of points, at most the balance.
// - Expiry: points expire `expiryMonths` after they were earned, oldest first (FIFO): every deduction
//   (redeem, return, negative adjustment, earlier expiry) uses up the oldest points first.
// - Return: the points of a sale are reversed in proportion to the refunded amount, cumulatively
//   (after every return of a receipt, round(earned × refunded so far / paid) have been taken back, so
//   a full refund takes back exactly what was earned), but never more than her balance.

export type EntryKind = 'earn' | 'redeem' | 'expire' | 'adjust' | 'reverse';

export type PointsEntry = {
  kind: EntryKind;
  /** Signed: earn > 0; redeem, expire, reverse < 0; adjust either way. */
  points: number;
  /** When it was written (ISO). */
  at: string;
  /** For points that arrive (earn, positive adjust): when they expire (ISO), or null for never. */
  expiresAt?: string | null;
};

export function balanceOf(entries: readonly Pick<PointsEntry, 'points'>[]): number {
  return entries.reduce((s, e) => s + e.points, 0);
}

const hundredths = (m: number) => Math.round(m * 100);

/** Points for a sale of `paid` minor units: see the rule at the top. Never negative. */
export function earnPoints(
  paid: number,
  unit: number,
  tierMultiplier: number,
  campaignMultipliers: readonly number[],
): number {
  if (paid <= 0 || unit <= 0) return 0;
  // BigInt: paid × several hundredths can exceed 2^53.
  let num = BigInt(Math.round(paid)) * BigInt(hundredths(tierMultiplier));
  let den = BigInt(unit) * 100n;
  for (const m of campaignMultipliers) {
    num *= BigInt(hundredths(m));
    den *= 100n;
  }
  return Number(num / den);
}

/** Points to take back now for a return, given the receipt's history (see the rule at the top). */
export function reversalPoints(p: {
  earned: number;
  paid: number;
  refundedBefore: number;
  refundedNow: number;
  reversedBefore: number;
}): number {
  if (p.earned <= 0 || p.paid <= 0 || p.refundedNow <= 0) return 0;
  const refunded = Math.min(p.paid, p.refundedBefore + p.refundedNow);
  const due = Math.round((p.earned * refunded) / p.paid);
  return Math.max(0, Math.min(p.earned, due) - p.reversedBefore);
}

/** Adds months to an ISO instant (day clamped to the month's end: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString();
}

/**
 * Points that have expired by `asOf` and are still unused, under FIFO: the positive entries are lots,
 * oldest (soonest to expire, then first written) first; all deductions together use them up in that
 * order. Writing an `expire`
 * entry of this amount makes the next call return 0 (idempotent). The SQL of the expiry job uses the
 * same formula (running sum of lots minus total deducted).
 */
export function expiredPoints(entries: readonly PointsEntry[], asOf: string): number {
  const never = Number.POSITIVE_INFINITY;
  const expiry = (e: PointsEntry) => (e.expiresAt ? new Date(e.expiresAt).getTime() : never);
  const lots = entries
    .filter((e) => e.points > 0)
    .sort((a, b) => expiry(a) - expiry(b) || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const used = -entries.filter((e) => e.points < 0).reduce((s, e) => s + e.points, 0);
  let cum = 0;
  let due = 0;
  const t = new Date(asOf).getTime();
  for (const e of lots) {
    cum += e.points;
    const remaining = Math.max(0, Math.min(e.points, cum - used));
    if (e.expiresAt && new Date(e.expiresAt).getTime() <= t) due += remaining;
  }
  return due;
}

export type PointsProblem = 'not_positive' | 'insufficient_points' | 'reason_required' | 'would_go_negative';

/** Checks a redemption against her balance. */
export function checkRedeem(balance: number, points: number): PointsProblem | null {
  if (!Number.isInteger(points) || points <= 0) return 'not_positive';
  if (points > balance) return 'insufficient_points';
  return null;
}

/** Checks an adjustment: a non-zero whole number with a reason, never taking her below zero. */
export function checkAdjust(balance: number, points: number, reason: string | null | undefined): PointsProblem | null {
  if (!Number.isInteger(points) || points === 0) return 'not_positive';
  if (!reason || !reason.trim()) return 'reason_required';
  if (balance + points < 0) return 'would_go_negative';
  return null;
}
