import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  memberPrice,
  meetsRule,
  progressTo,
  qualifiedTier,
  reviewOutcome,
  reviewWindow,
  upgradeTo,
  type Activity,
  type Benefits,
  type TierRule,
} from './tiers';

const TIERS: TierRule[] = [
  { key: 'silver', rank: 1, qualification: { visits: 1, combine: 'or' } },
  { key: 'gold', rank: 2, qualification: { spend: { CNY: 500_000, JPY: 100_000 }, visits: 6, combine: 'or' } },
  { key: 'platinum', rank: 3, qualification: { spend: { CNY: 2_000_000, JPY: 400_000 }, visits: 4, combine: 'and' } },
  { key: 'diamond', rank: 4, qualification: { spend: { CNY: 5_000_000, JPY: 1_000_000 }, visits: 6, combine: 'and' } },
];
const act = (spend: Record<string, number>, visits: number): Activity => ({ spend, visits });
const REVIEW = { month: 1, day: 1, graceDays: 30 };

describe('tier qualification', () => {
  it.each([
    ['no activity', act({}, 0), null],
    ['one visit', act({ CNY: 10_000 }, 1), 'silver'],
    ['just below gold by spend', act({ CNY: 499_999 }, 2), 'silver'],
    ['gold by spend exactly at the threshold', act({ CNY: 500_000 }, 1), 'gold'],
    ['gold by visits alone (OR)', act({ CNY: 1_000 }, 6), 'gold'],
    ['platinum needs spend AND visits', act({ CNY: 2_500_000 }, 3), 'gold'],
    ['platinum with both', act({ CNY: 2_500_000 }, 4), 'platinum'],
    ['diamond', act({ CNY: 5_000_000 }, 6), 'diamond'],
    ['yen counted against the yen threshold only', act({ JPY: 100_000 }, 1), 'gold'],
    ['yuan never compared with yen', act({ CNY: 100_000 }, 1), 'silver'],
    ['a currency with no threshold does not count', act({ TWD: 99_000_000 }, 1), 'silver'],
  ])('%s', (_, a, expected) => {
    expect(qualifiedTier(TIERS, a)?.key ?? null).toBe(expected);
  });

  it('an empty rule is the entry tier everyone meets; inactive tiers are skipped', () => {
    expect(meetsRule({ combine: 'and' }, act({}, 0))).toBe(true);
    const tiers = TIERS.map((t) => (t.key === 'diamond' ? { ...t, isActive: false } : t));
    expect(qualifiedTier(tiers, act({ CNY: 9_000_000 }, 9))?.key).toBe('platinum');
  });

  it('upgrades at once to the highest tier met, never down', () => {
    expect(upgradeTo(TIERS, 'silver', act({ CNY: 600_000 }, 1))?.key).toBe('gold');
    expect(upgradeTo(TIERS, null, act({ CNY: 5_000_000 }, 6))?.key).toBe('diamond');
    expect(upgradeTo(TIERS, 'platinum', act({ CNY: 600_000 }, 1))).toBeNull();
    expect(upgradeTo(TIERS, 'gold', act({ CNY: 600_000 }, 1))).toBeNull();
  });

  it('qualification is monotone: more spend or more visits never lowers the tier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6_000_000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 0, max: 5 }),
        (spend, visits, moreSpend, moreVisits) => {
          const lo = qualifiedTier(TIERS, act({ CNY: spend }, visits))?.rank ?? 0;
          const hi = qualifiedTier(TIERS, act({ CNY: spend + moreSpend }, visits + moreVisits))?.rank ?? 0;
          expect(hi).toBeGreaterThanOrEqual(lo);
        },
      ),
    );
  });

  it('shows what is missing for the next tier', () => {
    expect(progressTo(TIERS[1]!.qualification, act({ CNY: 450_000 }, 2), 'CNY')).toEqual({ spend: 50_000, visits: 4 });
    expect(progressTo(TIERS[1]!.qualification, act({}, 0), 'TWD')).toEqual({ spend: null, visits: 6 });
  });
});

describe('yearly review', () => {
  it('finds the review that governs a date and when its downgrades take effect', () => {
    expect(reviewWindow('2026-01-15', REVIEW)).toEqual({
      reviewDate: '2026-01-01',
      effectiveOn: '2026-01-31',
      due: false,
    });
    expect(reviewWindow('2026-01-31', REVIEW)).toMatchObject({ due: true });
    expect(reviewWindow('2025-12-31', REVIEW)).toMatchObject({ reviewDate: '2025-01-01' });
    expect(reviewWindow('2026-03-01', { month: 4, day: 1, graceDays: 90 })).toMatchObject({
      reviewDate: '2025-04-01',
      due: true,
    });
  });

  it('downgrades only after the grace period, to the highest tier still met', () => {
    const lapsed = act({ CNY: 600_000 }, 1);
    expect(reviewOutcome(TIERS, 'diamond', lapsed, '2025-03-01', '2026-01-10', REVIEW)).toMatchObject({
      kind: 'grace',
      to: { key: 'gold' },
      effectiveOn: '2026-01-31',
    });
    expect(reviewOutcome(TIERS, 'diamond', lapsed, '2025-03-01', '2026-02-01', REVIEW)).toMatchObject({
      kind: 'downgrade',
      to: { key: 'gold' },
    });
  });

  it('keeps her tier while she still meets it, and never below the lowest tier', () => {
    expect(reviewOutcome(TIERS, 'gold', act({ CNY: 700_000 }, 1), '2025-03-01', '2026-02-01', REVIEW)).toEqual({
      kind: 'keep',
    });
    expect(reviewOutcome(TIERS, 'gold', act({}, 0), '2025-03-01', '2026-02-01', REVIEW)).toMatchObject({
      kind: 'downgrade',
      to: { key: 'silver' },
    });
    expect(reviewOutcome(TIERS, 'silver', act({}, 0), '2025-03-01', '2026-02-01', REVIEW)).toEqual({ kind: 'keep' });
    expect(reviewOutcome(TIERS, null, act({}, 0), null, '2026-02-01', REVIEW)).toEqual({ kind: 'keep' });
  });

  it('does not take back a tier reached since the review date (and so runs twice to the same result)', () => {
    expect(reviewOutcome(TIERS, 'gold', act({}, 0), '2026-01-20', '2026-02-01', REVIEW)).toEqual({ kind: 'keep' });
    // After the downgrade is written (reached today), the same review keeps her where she is.
    expect(reviewOutcome(TIERS, 'silver', act({}, 0), '2026-02-01', '2026-02-01', REVIEW)).toEqual({ kind: 'keep' });
  });
});

describe('benefits', () => {
  const gold: Benefits = {
    discountPercent: 5,
    birthdayMonthPricePercent: 75,
    freeServices: [],
    eventInvitations: true,
    pointsMultiplier: 1.2,
  };
  it.each([
    ['everyday discount', 100_000, false, 95_000],
    ['seed 000: 75% of the price in her birthday month', 100_000, true, 75_000],
    ['rounded half up to the minor unit', 999, false, 949],
  ])('%s', (_, price, birthday, expected) => {
    expect(memberPrice(price, gold, birthday)).toBe(expected);
  });
  it('the birthday price never makes it dearer than the everyday discount', () => {
    expect(memberPrice(100_000, { ...gold, discountPercent: 30 }, true)).toBe(70_000);
    expect(memberPrice(100_000, { ...gold, birthdayMonthPricePercent: null }, true)).toBe(95_000);
  });
});
