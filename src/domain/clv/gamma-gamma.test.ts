import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedSpend,
  expectedValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationMeanSpend,
} from './gamma-gamma';
import { conditionalExpectedTransactions } from './bgnbd';

const published = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('Gamma-Gamma spend model', () => {
  it('weights the population mean against the customer’s own mean', () => {
    const mean = populationMeanSpend(published)!;
    expect(mean).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(conditionalExpectedSpend(published, 0, 0)).toBeCloseTo(mean, 12);
    const x = 3;
    const m = 40;
    const w = (published.p * x) / (published.p * x + published.q - 1);
    expect(conditionalExpectedSpend(published, x, m)).toBeCloseTo(w * m + (1 - w) * mean, 12);
    // more repeat purchases: closer to her own mean
    const gap = (n: number) => Math.abs(conditionalExpectedSpend(published, n, m) - m);
    expect(gap(30)).toBeLessThan(gap(3));
  });

  it('falls back when the model has no finite answer', () => {
    const heavy = { p: 0.2, q: 0.5, gamma: 10 };
    expect(populationMeanSpend(heavy)).toBeNull();
    expect(conditionalExpectedSpend(heavy, 1, 25)).toBe(25);
    expect(conditionalExpectedSpend(heavy, 0, 0, 30)).toBe(30);
  });

  it('is scale-equivariant: spends in cents give γ × 100 and the same p, q', () => {
    const data = Array.from({ length: 60 }, (_, i) => ({ x: 1 + (i % 5), m: 20 + ((i * 37) % 50) }));
    const dollars = fitGammaGamma(data);
    const cents = fitGammaGamma(data.map((c) => ({ x: c.x, m: c.m * 100 })));
    expect(cents.p).toBeCloseTo(dollars.p, 4);
    expect(cents.q).toBeCloseTo(dollars.q, 4);
    expect(cents.gamma / 100).toBeCloseTo(dollars.gamma, 3);
    expect(cents.loglik).toBeCloseTo(dollars.loglik - 60 * Math.log(100), 6);
    expect(gammaGammaLogLikelihood(dollars, data)).toBeCloseTo(dollars.loglik, 9);
  });

  it('ignores customers without repeat spend and refuses an empty set', () => {
    expect(() => fitGammaGamma([{ x: 0, m: 0 }])).toThrow(RangeError);
  });
});

describe('expected value over a horizon', () => {
  const bgnbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const customer = { x: 4, tx: 30, T: 38 };
  it('is expected transactions × expected spend, less when discounted', () => {
    const plain = expectedValue(bgnbd, customer, 40, { horizon: 52 });
    expect(plain).toBeCloseTo(conditionalExpectedTransactions(bgnbd, customer, 52) * 40, 10);
    const discounted = expectedValue(bgnbd, customer, 40, { horizon: 52, annualDiscountRate: 0.1 });
    expect(discounted).toBeLessThan(plain);
    expect(discounted).toBeGreaterThan(plain / 1.1 - 1e-9);
    expect(expectedValue(bgnbd, customer, 40, { horizon: 0, annualDiscountRate: 0.1 })).toBe(0);
  });
});
