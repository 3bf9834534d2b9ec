// The VIP programme's tier rules (issue 5), pure. A tier is reached as soon as her activity over the
// rolling window (default 365 days) meets its published rule: spend per currency (yuan are never
// compared with yen) and/or a number of visits. She holds the highest tier whose rule is met; she is
// only ever moved down at the yearly review, after a grace period in which she can still requalify.
// The SQL in modules/loyalty mirrors `meetsRule` / `qualifiedRank`; the tests pin both to the same cases.

/** Spend thresholds in minor units per currency: { CNY: 500000, TWD: 2200000, JPY: 100000 }. */
export type MoneyByCurrency = Record<string, number>;

export type Qualification = {
  /** Met when her spend in any one listed currency reaches that currency's threshold. */
  spend?: MoneyByCurrency;
  /** Met when she visited (a day with a sale or a salon service) at least this many times. */
  visits?: number;
  /** How spend and visits combine when both are given. */
  combine: 'and' | 'or';
};

export type TierRule = { key: string; rank: number; qualification: Qualification; isActive?: boolean };

/** What she did within the window: net spend per currency (returns deducted) and visit days. */
export type Activity = { spend: MoneyByCurrency; visits: number };

const hasSpend = (q: Qualification) => !!q.spend && Object.keys(q.spend).length > 0;
const hasVisits = (q: Qualification) => q.visits !== undefined && q.visits !== null;

/**
 * Whether the activity meets a rule. A rule with neither spend nor visits is the entry tier (every
 * member meets it). With one criterion only, `combine` does not matter.
 */
export function meetsRule(q: Qualification, a: Activity): boolean {
  const s = hasSpend(q);
  const v = hasVisits(q);
  if (!s && !v) return true;
  const spendOk = s && Object.entries(q.spend!).some(([cur, min]) => (a.spend[cur] ?? 0) >= min);
  const visitsOk = v && a.visits >= q.visits!;
  if (s && v) return q.combine === 'and' ? spendOk && visitsOk : spendOk || visitsOk;
  return s ? spendOk : visitsOk;
}

/** The highest active tier whose rule the activity meets, or null. */
export function qualifiedTier<T extends TierRule>(tiers: readonly T[], a: Activity): T | null {
  let best: T | null = null;
  for (const t of tiers) {
    if (t.isActive === false) continue;
    if (meetsRule(t.qualification, a) && (!best || t.rank > best.rank)) best = t;
  }
  return best;
}

export function rankOf(tiers: readonly TierRule[], key: string | null | undefined): number {
  if (!key) return 0;
  return tiers.find((t) => t.key === key)?.rank ?? 0;
}

/**
 * Upgrade at once: the tier she moves to now, or null if she stays. Never lower than where she is —
 * moving down waits for the yearly review.
 */
export function upgradeTo<T extends TierRule>(tiers: readonly T[], currentKey: string | null, a: Activity): T | null {
  const q = qualifiedTier(tiers, a);
  return q && q.rank > rankOf(tiers, currentKey) ? q : null;
}

export type ReviewSettings = {
  /** The yearly review date (month 1–12, day 1–28). */
  month: number;
  day: number;
  /** Days after the review date in which she can still requalify before she moves down. */
  graceDays: number;
};

const pad = (n: number) => String(n).padStart(2, '0');

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The review that governs `asOf` (a YYYY-MM-DD date): the latest review date on or before it, the day
 * its downgrades take effect (review date + grace), and whether that day has come.
 */
export function reviewWindow(
  asOf: string,
  r: ReviewSettings,
): { reviewDate: string; effectiveOn: string; due: boolean } {
  const year = Number(asOf.slice(0, 4));
  let reviewDate = `${year}-${pad(r.month)}-${pad(r.day)}`;
  if (reviewDate > asOf) reviewDate = `${year - 1}-${pad(r.month)}-${pad(r.day)}`;
  const effectiveOn = addDays(reviewDate, r.graceDays);
  return { reviewDate, effectiveOn, due: asOf >= effectiveOn };
}

export type ReviewOutcome<T> =
  { kind: 'keep' } | { kind: 'grace'; to: T | null; effectiveOn: string } | { kind: 'downgrade'; to: T | null };

/**
 * The yearly review for one member. She keeps her tier if she still meets it over the window ending
 * `asOf`, or if she reached it on or after the review date (a new upgrade is not taken back by the
 * review that follows it). Otherwise, inside the grace period she is only told (`grace`); once it is
 * over she moves to the highest tier she still meets, never below the lowest active tier.
 */
export function reviewOutcome<T extends TierRule>(
  tiers: readonly T[],
  currentKey: string | null,
  a: Activity,
  reachedOn: string | null,
  asOf: string,
  r: ReviewSettings,
): ReviewOutcome<T> {
  const current = rankOf(tiers, currentKey);
  if (current === 0) return { kind: 'keep' };
  const w = reviewWindow(asOf, r);
  if (reachedOn && reachedOn >= w.reviewDate) return { kind: 'keep' };
  const q = qualifiedTier(tiers, a);
  if (q && q.rank >= current) return { kind: 'keep' };
  const active = tiers.filter((t) => t.isActive !== false).sort((x, y) => x.rank - y.rank);
  const to = q ?? active[0] ?? null;
  if (to && to.rank >= current) return { kind: 'keep' };
  return w.due ? { kind: 'downgrade', to } : { kind: 'grace', to, effectiveOn: w.effectiveOn };
}

/** What is still missing to reach a tier: spend in her currency and visits (0 when met). */
export function progressTo(
  q: Qualification,
  a: Activity,
  currency: string,
): { spend: number | null; visits: number | null } {
  const min = q.spend?.[currency];
  return {
    spend: min === undefined ? null : Math.max(0, min - (a.spend[currency] ?? 0)),
    visits: hasVisits(q) ? Math.max(0, q.visits! - a.visits) : null,
  };
}

export type FreeService = { key: string; labels: Record<string, string>; perYear: number };

export type Benefits = {
  /** Off the price on every purchase, in percent (5 = 5% off). */
  discountPercent: number;
  /** Seed 000: she pays this percentage of the price in her birthday month (75 = 75% of the price). */
  birthdayMonthPricePercent: number | null;
  freeServices: FreeService[];
  eventInvitations: boolean;
  /** Points earned on a purchase are multiplied by this (1.5 = half as many again). */
  pointsMultiplier: number;
};

/**
 * The price she pays for a list price under her tier's benefits. In her birthday month the birthday
 * price applies instead of the everyday discount when it is lower (the two never stack). Rounded half
 * up to the minor unit.
 */
export function memberPrice(listPrice: number, b: Benefits, inBirthdayMonth: boolean): number {
  const everyday = 100 - b.discountPercent;
  const pct =
    inBirthdayMonth && b.birthdayMonthPricePercent !== null
      ? Math.min(everyday, b.birthdayMonthPricePercent)
      : everyday;
  return Math.round((listPrice * pct) / 100);
}
