import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASS_SETTINGS as S, RFM_SEGMENTS } from '../contracts/metrics';
import {
  abcdClass,
  frequencyClass,
  lapseStatus,
  loyaltyStage,
  paretoCuts,
  percentileDisc,
  quintileCuts,
  rfmSegment,
  scoreHigher,
  scoreLower,
  sizeClass,
  usualInterval,
  valueClass,
} from './classes';

describe('RFM', () => {
  it('scores with fixed thresholds: recent is 5, rare is 1', () => {
    const r = S.rfm.fixed.recencyDays; // 30, 90, 180, 365
    expect([0, 30, 31, 90, 180, 365, 366].map((d) => scoreLower(d, r))).toEqual([5, 5, 4, 4, 3, 2, 1]);
    const f = S.rfm.fixed.frequency; // 1, 2, 3, 5
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => scoreHigher(n, f))).toEqual([1, 1, 2, 3, 4, 4, 5, 5]);
  });

  it('quintile cuts are nearest-rank percentiles, so ten values give two per score', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    const cuts = quintileCuts(values);
    expect(cuts).toEqual([20, 40, 60, 80]);
    expect(values.map((v) => scoreHigher(v, cuts))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(percentileDisc([], 0.5)).toBeNaN();
  });

  it('names the segments of the R × F grid', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(5, 1, 1)).toBe('new');
    expect(rfmSegment(4, 1, 1)).toBe('promising');
    expect(rfmSegment(4, 4, 5)).toBe('loyal');
    expect(rfmSegment(5, 2, 3)).toBe('potential');
    expect(rfmSegment(3, 3, 3)).toBe('need_attention');
    expect(rfmSegment(3, 1, 2)).toBe('about_to_sleep');
    expect(rfmSegment(2, 3, 4)).toBe('at_risk');
    expect(rfmSegment(1, 5, 5)).toBe('cannot_lose');
    expect(rfmSegment(2, 1, 2)).toBe('hibernating');
    expect(rfmSegment(1, 1, 1)).toBe('lost');
  });

  it('every score triple gets exactly one known segment, and more recency never makes it worse than lost', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (r, f, m) => {
          const s = rfmSegment(r, f, m);
          expect(RFM_SEGMENTS).toContain(s);
          if (r >= 3) expect(['lost', 'hibernating', 'at_risk', 'cannot_lose']).not.toContain(s);
        },
      ),
    );
  });

  it('scores are monotone and within 1–5', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (values, a, b) => {
          const cuts = quintileCuts(values);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(scoreHigher(lo, cuts)).toBeLessThanOrEqual(scoreHigher(hi, cuts));
          expect(scoreLower(lo, cuts)).toBeGreaterThanOrEqual(scoreLower(hi, cuts));
          for (const v of [lo, hi]) {
            expect(scoreHigher(v, cuts)).toBeGreaterThanOrEqual(1);
            expect(scoreHigher(v, cuts)).toBeLessThanOrEqual(5);
          }
        },
      ),
    );
  });
});

describe('A/B/C/D (Pareto)', () => {
  it('class A is the customers making the top 80 % of revenue', () => {
    // 100 + 50 + 30 + 10 + 5 + 4 + 1 = 200; A while the revenue before her is under 160 (80 %), B under
    // 190 (95 %), C under 198 (99 %).
    const spends = [100, 50, 30, 10, 5, 4, 1].map((spend, i) => ({ id: `c${i}`, spend }));
    const cuts = paretoCuts(spends, [0.8, 0.95, 0.99]);
    expect(cuts).toEqual([30, 10, 4]);
    expect(spends.map((s) => abcdClass(s.spend, true, cuts))).toEqual(['A', 'A', 'A', 'B', 'C', 'C', 'D']);
    expect(abcdClass(0, true, cuts)).toBe('D');
    expect(abcdClass(0, false, cuts)).toBeNull();
  });

  it('A customers hold at least the A share of revenue, and the classes are ordered by spend', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 80 }), (amounts) => {
        const spends = amounts.map((spend, i) => ({ id: `c${String(i).padStart(3, '0')}`, spend }));
        const cuts = paretoCuts(spends, [0.8, 0.95, 0.99]);
        const total = amounts.reduce((s, v) => s + v, 0);
        const classes = spends.map((s) => abcdClass(s.spend, true, cuts));
        const aRevenue = spends.filter((_, i) => classes[i] === 'A').reduce((s, c) => s + c.spend, 0);
        expect(aRevenue).toBeGreaterThanOrEqual(0.8 * total);
        const rank = { A: 0, B: 1, C: 2, D: 3 } as const;
        for (let i = 0; i < spends.length; i++)
          for (let j = 0; j < spends.length; j++)
            if (spends[i]!.spend > spends[j]!.spend) expect(rank[classes[i]!]).toBeLessThanOrEqual(rank[classes[j]!]);
      }),
    );
  });
});

describe('size, value, frequency', () => {
  it('classes a year of purchases', () => {
    expect(sizeClass(12, true, S.size)).toBe('large');
    expect(sizeClass(4, true, S.size)).toBe('medium');
    expect(sizeClass(1, true, S.size)).toBe('small');
    expect(sizeClass(0, false, S.size)).toBeNull();
    expect(valueClass(2_000_000, 'CNY', true, S.value)).toBe('vip');
    expect(valueClass(600_000, 'CNY', true, S.value)).toBe('important');
    // ¥100,000 is important in Japan, ordinary money in China: thresholds are per currency.
    expect(valueClass(100_000, 'JPY', true, S.value)).toBe('important');
    expect(valueClass(100_000, 'CNY', true, S.value)).toBe('ordinary');
    expect(valueClass(100_000, 'EUR', true, S.value)).toBeNull();
    expect(frequencyClass(2, 30, S.frequency)).toBe('high');
    expect(frequencyClass(0.5, 6, S.frequency)).toBe('potential');
    expect(frequencyClass(0, 1, S.frequency)).toBe('low');
    expect(frequencyClass(0, 0, S.frequency)).toBeNull();
  });
});

describe('loyalty stage and lapse', () => {
  const L = S.loyalty;
  it('walks the ladder from suspect to advocate', () => {
    expect(loyaltyStage({ purchaseDays: 0, engaged: false, referralsMade: 0 }, L)).toBe('suspect');
    expect(loyaltyStage({ purchaseDays: 0, engaged: true, referralsMade: 0 }, L)).toBe('expectant');
    expect(loyaltyStage({ purchaseDays: 1, engaged: true, referralsMade: 0 }, L)).toBe('first_purchase');
    expect(loyaltyStage({ purchaseDays: 3, engaged: false, referralsMade: 0 }, L)).toBe('repeat');
    expect(loyaltyStage({ purchaseDays: 2, engaged: false, referralsMade: 1 }, L)).toBe('advocate');
    expect(loyaltyStage({ purchaseDays: 7, engaged: false, referralsMade: 0 }, L)).toBe('advocate');
    expect(loyaltyStage({ purchaseDays: 7, engaged: false, referralsMade: 0 }, { advocateRepeats: 0 })).toBe('repeat');
  });

  it('drifting past twice her own interval, lost after a year', () => {
    const l = S.lapse; // factor 2, min 60, default interval 90, lost 365
    expect(usualInterval(0, 90, 4)).toBe(30);
    expect(usualInterval(0, 0, 1)).toBeNull();
    expect(lapseStatus({ daysSinceLastVisit: null, usualIntervalDays: null }, l)).toBe('none');
    expect(lapseStatus({ daysSinceLastVisit: 50, usualIntervalDays: 10 }, l)).toBe('active'); // minimum 60
    expect(lapseStatus({ daysSinceLastVisit: 61, usualIntervalDays: 10 }, l)).toBe('drifting');
    expect(lapseStatus({ daysSinceLastVisit: 100, usualIntervalDays: 60 }, l)).toBe('active');
    expect(lapseStatus({ daysSinceLastVisit: 121, usualIntervalDays: 60 }, l)).toBe('drifting');
    expect(lapseStatus({ daysSinceLastVisit: 181, usualIntervalDays: null }, l)).toBe('drifting');
    expect(lapseStatus({ daysSinceLastVisit: 366, usualIntervalDays: 400 }, l)).toBe('lost');
  });

  it('a longer absence is never less lapsed', () => {
    const order = { none: -1, active: 0, drifting: 1, lost: 2 } as const;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.double({ min: 0, max: 500, noNaN: true })),
        (a, b, interval) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const s = (d: number) => order[lapseStatus({ daysSinceLastVisit: d, usualIntervalDays: interval }, S.lapse)];
          expect(s(lo)).toBeLessThanOrEqual(s(hi));
        },
      ),
    );
  });
});
