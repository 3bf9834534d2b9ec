// Small and degenerate data (issue 5): the fit stays finite and sensible, or says "not enough data".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLV_MINIMUMS, fitClv, quantile, scoreCustomers, type ClvFit, type ClvOptions } from './fit';
import { dateOfDay, dayNumber, rfmSummary, type Transaction } from './rfm-summary';
import { calibrationReport } from './calibration';

const START = dayNumber('2024-01-01');
const END = '2024-06-30';
const HOLDOUT_END = '2024-12-31';
const day = (offset: number) => dateOfDay(START + offset);

function customersWith(n: number, extra: (i: number, first: number) => Transaction[]): Transaction[] {
  const out: Transaction[] = [];
  for (let i = 0; i < n; i++) {
    const first = (i * 37) % 150;
    out.push({ customerId: `c${i}`, date: day(first), amount: 80 + (i % 7) * 10 }, ...extra(i, first));
  }
  return out;
}

/** Every number a caller can see is finite; P(alive) is a probability; expectations are non-negative. */
function expectSane(fit: ClvFit, transactions: Transaction[], options: ClvOptions) {
  if (fit.status !== 'ok') {
    expect(fit.minimum.customers).toBeGreaterThan(0);
    return;
  }
  const numbers = [
    ...Object.values(fit.bgnbd).filter((v) => typeof v === 'number'),
    ...Object.values(fit.gammagamma).filter((v) => typeof v === 'number'),
  ];
  for (const v of numbers) expect(Number.isFinite(v)).toBe(true);
  for (const v of [fit.bgnbd.r, fit.bgnbd.alpha, fit.bgnbd.a, fit.bgnbd.b, fit.gammagamma.p, fit.gammagamma.q]) {
    expect(v).toBeGreaterThanOrEqual(1e-4 * (1 - 1e-9));
    expect(v).toBeLessThanOrEqual(1e4 * (1 + 1e-9));
  }
  const rows = rfmSummary(transactions, options);
  for (const s of scoreCustomers(fit, rows, { annualDiscountRate: 0.08 })) {
    for (const v of [s.pAlive, s.expected90, s.expected365, s.expectedSpend, s.value90, s.value365]) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(s.pAlive).toBeLessThanOrEqual(1);
    expect(s.expected365).toBeGreaterThanOrEqual(s.expected90 - 1e-12);
  }
  const report = calibrationReport(transactions, fit.bgnbd, { calibrationEnd: END, holdoutEnd: HOLDOUT_END });
  for (const p of report.periods) expect(Number.isFinite(p.expectedCumulative)).toBe(true);
  for (const f of report.frequency) expect(Number.isFinite(f.expected)).toBe(true);
}

describe('fitClv minimums', () => {
  it(`says not_enough_data below ${CLV_MINIMUMS.customers} customers`, () => {
    const fit = fitClv(
      customersWith(99, (i, f) => [{ customerId: `c${i}`, date: day(f + 10), amount: 50 }]),
      { calibrationEnd: END },
    );
    expect(fit).toMatchObject({
      status: 'not_enough_data',
      reason: 'too_few_customers',
      minimum: { customers: 100, repeatCustomers: 20 },
      observed: { customers: 99, repeatCustomers: 99 },
    });
  });
  it(`and below ${CLV_MINIMUMS.repeatCustomers} repeat customers (all-zero repeats included)`, () => {
    expect(
      fitClv(
        customersWith(300, () => []),
        { calibrationEnd: END },
      ),
    ).toMatchObject({
      reason: 'too_few_repeat_customers',
      observed: { customers: 300, repeatCustomers: 0 },
    });
    const few = customersWith(300, (i, f) => (i < 19 ? [{ customerId: `c${i}`, date: day(f + 3), amount: 9 }] : []));
    expect(fitClv(few, { calibrationEnd: END })).toMatchObject({ reason: 'too_few_repeat_customers' });
  });
  it('leaves zero-value and negative receipts out of the spend model', () => {
    const zeros = customersWith(200, (i, f) => [{ customerId: `c${i}`, date: day(f + 5), amount: i % 2 ? 0 : -30 }]);
    expect(fitClv(zeros, { calibrationEnd: END })).toMatchObject({ reason: 'too_few_customers_with_repeat_spend' });
  });
});

describe('fitClv on degenerate data stays finite and sensible', () => {
  it('everyone buying weekly, nobody dropping out: about 52 purchases a year each', () => {
    const data = customersWith(120, (i, f) =>
      Array.from({ length: Math.floor((180 - f) / 7) }, (_, k) => ({
        customerId: `c${i}`,
        date: day(f + 7 * (k + 1)),
        amount: 20,
      })),
    );
    const options = { calibrationEnd: END };
    const fit = fitClv(data, options);
    expectSane(fit, data, options);
    if (fit.status !== 'ok') throw new Error(fit.reason);
    const scores = scoreCustomers(fit, rfmSummary(data, options));
    for (const s of scores.filter((c) => c.expected365 > 0)) {
      expect(s.pAlive).toBeGreaterThan(0.9);
      expect(s.expected365).toBeGreaterThan(45);
      expect(s.expected365).toBeLessThan(56);
      expect(s.expectedSpend).toBeCloseTo(20, 1);
    }
  });

  it('all repeat customers buying again on the last day', () => {
    const data = customersWith(150, (i) => (i % 2 ? [] : [{ customerId: `c${i}`, date: END, amount: 40 }]));
    const options = { calibrationEnd: END };
    const fit = fitClv(data, options);
    expectSane(fit, data, options);
    if (fit.status === 'ok') {
      const scores = scoreCustomers(fit, rfmSummary(data, options));
      for (const s of scores) expect(s.expected365).toBeLessThan(20);
    }
  });

  it('a few wholesale-sized orders are capped for the spend model only', () => {
    const data = customersWith(300, (i, f) => [
      { customerId: `c${i}`, date: day(f + 20), amount: i % 100 === 0 ? 5_000_000 : 60 + (i % 13) * 5 },
    ]);
    const options = { calibrationEnd: END };
    const fit = fitClv(data, options);
    expectSane(fit, data, options);
    if (fit.status !== 'ok') throw new Error(fit.reason);
    expect(fit.spendCap).toBeLessThan(5_000_000);
    const typical = scoreCustomers(fit, rfmSummary(data, options)).find((s) => s.customerId === 'c1')!;
    expect(typical.expectedSpend).toBeLessThan(500);
  });

  it('quantile is the nearest rank', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.995)).toBe(5);
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('property: random small data sets never produce NaN or Infinity', () => {
  const amount = fc.oneof(
    { arbitrary: fc.double({ min: 1, max: 500, noNaN: true }), weight: 8 },
    { arbitrary: fc.constantFrom(0, -25), weight: 1 },
    { arbitrary: fc.double({ min: 1e5, max: 1e9, noNaN: true }), weight: 1 },
  );
  // a boutique's receipts: mostly ordinary, a few zero-value or returns, rarely a wholesale-sized order
  const boutique = fc.oneof(
    { arbitrary: fc.double({ min: 40, max: 400, noNaN: true }), weight: 30 },
    { arbitrary: fc.constantFrom(0, -25), weight: 2 },
    { arbitrary: fc.double({ min: 1e5, max: 1e7, noNaN: true }), weight: 1 },
  );
  const customerOf = (value: fc.Arbitrary<number>) =>
    fc.record({
      first: fc.integer({ min: 0, max: 181 }),
      repeats: fc.array(fc.record({ after: fc.integer({ min: 0, max: 200 }), amount: value }), { maxLength: 6 }),
      firstAmount: value,
    });
  const dataset = (minLength: number, maxLength: number, value = amount) =>
    fc
      .array(customerOf(value), { minLength, maxLength })
      .map((cs) =>
        cs.flatMap((c, i): Transaction[] => [
          { customerId: `c${i}`, date: day(c.first), amount: c.firstAmount },
          ...c.repeats.map((r) => ({ customerId: `c${i}`, date: day(c.first + r.after), amount: r.amount })),
        ]),
      );
  const reasons = new Set([
    'too_few_customers',
    'too_few_repeat_customers',
    'too_few_customers_with_repeat_spend',
    'mean_spend_undefined',
  ]);

  it('with the minimums forced down to one customer', () => {
    const statuses: string[] = [];
    fc.assert(
      fc.property(dataset(1, 60), (data) => {
        const options = { calibrationEnd: END, minCustomers: 1, minRepeatCustomers: 1 };
        const fit = fitClv(data, options);
        statuses.push(fit.status === 'ok' ? 'ok' : fit.reason);
        expectSane(fit, data, options);
      }),
      { numRuns: 40, seed: 20240630, endOnFailure: true },
    );
    expect(statuses.filter((s) => s === 'ok').length).toBeGreaterThan(10);
  });

  it('with the default minimums, including last-day repeaters', () => {
    const lastDay = dataset(100, 160, boutique).map((data) => [
      ...data,
      ...data.filter((_, k) => k % 3 === 0).map((t) => ({ ...t, date: END })),
    ]);
    const statuses: string[] = [];
    fc.assert(
      fc.property(lastDay, (data) => {
        const options = { calibrationEnd: END };
        const fit = fitClv(data, options);
        statuses.push(fit.status === 'ok' ? 'ok' : fit.reason);
        if (fit.status === 'not_enough_data') expect(reasons.has(fit.reason)).toBe(true);
        expectSane(fit, data, options);
      }),
      { numRuns: 20, seed: 7, endOnFailure: true },
    );
    expect(statuses.filter((s) => s === 'ok').length).toBeGreaterThanOrEqual(15);
  });
});
