// Customer classes (issue 5, seeds 002–004): RFM scores and segments, A/B/C/D by Pareto share of
// revenue, large/medium/small, VIP/important/ordinary, visit frequency, loyalty stage and lapse.
// These are the rules; modules/metrics/metrics.sql.ts applies the very same rules in SQL over a whole
// organisation (and the API tests check that both agree on a constructed data set).
import type { ClassSettings, RfmSegment } from '../contracts/metrics';

export type AbcdClass = 'A' | 'B' | 'C' | 'D';
export type SizeClass = 'large' | 'medium' | 'small';
export type ValueClass = 'vip' | 'important' | 'ordinary';
export type FrequencyClass = 'high' | 'potential' | 'low';
export type LoyaltyStage = 'suspect' | 'expectant' | 'first_purchase' | 'repeat' | 'advocate';
export type LapseStatus = 'none' | 'active' | 'drifting' | 'lost';

/**
 * The q-quantile by nearest rank (the value at position ⌈q·n⌉ of the sorted values), as SQL's
 * percentile_disc computes it. NaN for no values.
 */
export function percentileDisc(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Quintile cut points (20th, 40th, 60th and 80th percentiles). */
export function quintileCuts(values: readonly number[]): [number, number, number, number] {
  return [0.2, 0.4, 0.6, 0.8].map((q) => percentileDisc(values, q)) as [number, number, number, number];
}

/** Score 1–5 where more is better (frequency, monetary): 1 + the number of cuts the value exceeds. */
export function scoreHigher(value: number, cuts: readonly number[]): number {
  return 1 + cuts.filter((c) => value > c).length;
}

/** Score 1–5 where less is better (recency in days): 5 − the number of cuts the value exceeds. */
export function scoreLower(value: number, cuts: readonly number[]): number {
  return 5 - cuts.filter((c) => value > c).length;
}

/** The combined frequency–monetary score: the mean of F and M, rounded half up. */
export function fmScore(f: number, m: number): number {
  return Math.floor((f + m + 1) / 2);
}

/**
 * Named segment from R and the combined F/M score, on the usual R × F grid:
 *
 * | R \ FM | 1              | 2              | 3              | 4      | 5          |
 * | 5      | new            | potential      | potential      | champions | champions |
 * | 4      | promising      | potential      | potential      | loyal  | loyal      |
 * | 3      | about_to_sleep | about_to_sleep | need_attention | loyal  | loyal      |
 * | 2      | hibernating    | hibernating    | at_risk        | at_risk | cannot_lose |
 * | 1      | lost           | lost           | at_risk        | at_risk | cannot_lose |
 */
export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  const fm = fmScore(f, m);
  if (r === 5 && fm >= 4) return 'champions';
  if (r >= 3 && fm >= 4) return 'loyal';
  if (r >= 4 && fm >= 2) return 'potential';
  if (r === 5) return 'new';
  if (r === 4) return 'promising';
  if (r === 3 && fm === 3) return 'need_attention';
  if (r === 3) return 'about_to_sleep';
  if (fm === 5) return 'cannot_lose';
  if (fm >= 3) return 'at_risk';
  if (r === 2) return 'hibernating';
  return 'lost';
}

/**
 * Pareto cut points: sorting customers by spend, largest first (ties by id), a customer belongs to
 * the first class whose share the revenue before her has not yet reached. Returned as the least spend
 * in classes A, B and C (null: the class is empty), so one customer can later be classed alone.
 */
export function paretoCuts(
  spends: readonly { id: string; spend: number }[],
  shares: readonly number[],
): (number | null)[] {
  const positive = spends.filter((s) => s.spend > 0);
  positive.sort((p, q) => q.spend - p.spend || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  const total = positive.reduce((s, c) => s + c.spend, 0);
  const cuts: (number | null)[] = shares.map(() => null);
  let before = 0;
  for (const c of positive) {
    shares.forEach((share, i) => {
      if (before < share * total) cuts[i] = c.spend;
    });
    before += c.spend;
  }
  return cuts;
}

/** A/B/C/D of one customer against the Pareto cut points; null when she has not bought in the window. */
export function abcdClass(
  spendWindow: number,
  boughtInWindow: boolean,
  cuts: readonly (number | null)[],
): AbcdClass | null {
  if (!boughtInWindow) return null;
  if (spendWindow > 0) {
    const labels: AbcdClass[] = ['A', 'B', 'C'];
    for (let i = 0; i < labels.length; i++) {
      const cut = cuts[i];
      if (cut !== null && cut !== undefined && spendWindow >= cut) return labels[i]!;
    }
  }
  return 'D';
}

export function sizeClass(quantityWindow: number, boughtInWindow: boolean, s: ClassSettings['size']): SizeClass | null {
  if (!boughtInWindow) return null;
  return quantityWindow >= s.large ? 'large' : quantityWindow >= s.medium ? 'medium' : 'small';
}

/** VIP / important / ordinary by spend in the window, in her currency; null without thresholds for it. */
export function valueClass(
  spendWindow: number,
  currency: string,
  boughtInWindow: boolean,
  v: ClassSettings['value'],
): ValueClass | null {
  const vip = v.vip[currency];
  const important = v.important[currency];
  if (!boughtInWindow || vip === undefined || important === undefined) return null;
  return spendWindow >= vip ? 'vip' : spendWindow >= important ? 'important' : 'ordinary';
}

/** Visit frequency (seed 004) from visits per month over 12 months; null when she never visited. */
export function frequencyClass(
  visitsPerMonth12: number,
  visitsLifetime: number,
  f: ClassSettings['frequency'],
): FrequencyClass | null {
  if (visitsLifetime === 0) return null;
  return visitsPerMonth12 >= f.high ? 'high' : visitsPerMonth12 >= f.potential ? 'potential' : 'low';
}

/**
 * Loyalty stage (seed 003): suspect (in the file, never bought) → expectant (engaged: answered
 * questions, a reached contact or enquiry, a salon visit, but no purchase yet) → first purchase →
 * repeat → advocate (has referred someone, or made at least the configured number of repeat purchases).
 */
export function loyaltyStage(
  c: { purchaseDays: number; engaged: boolean; referralsMade: number },
  l: ClassSettings['loyalty'],
): LoyaltyStage {
  if (c.purchaseDays === 0) return c.engaged ? 'expectant' : 'suspect';
  const repeats = c.purchaseDays - 1;
  if (c.referralsMade > 0 || (l.advocateRepeats > 0 && repeats >= l.advocateRepeats)) return 'advocate';
  return repeats >= 1 ? 'repeat' : 'first_purchase';
}

/** Her usual interval between visits in days (null with fewer than two visit days). */
export function usualInterval(firstVisitDay: number, lastVisitDay: number, visitDays: number): number | null {
  return visitDays >= 2 ? (lastVisitDay - firstVisitDay) / (visitDays - 1) : null;
}

/**
 * Lapse: `lost` past the absolute limit, `drifting` when the days since her last visit exceed factor ×
 * her usual interval (the default interval for a one-visit customer) and at least the minimum,
 * `active` otherwise; `none` when she has never visited.
 */
export function lapseStatus(
  c: { daysSinceLastVisit: number | null; usualIntervalDays: number | null },
  l: ClassSettings['lapse'],
): LapseStatus {
  if (c.daysSinceLastVisit === null) return 'none';
  if (c.daysSinceLastVisit > l.lostDays) return 'lost';
  const limit = Math.max(l.minDays, l.factor * (c.usualIntervalDays ?? l.defaultIntervalDays));
  return c.daysSinceLastVisit > limit ? 'drifting' : 'active';
}
