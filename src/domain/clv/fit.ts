// One entry point for a store's (or organisation's) customer-lifetime-value models: summary, minimums,
// BG/NBD and Gamma-Gamma fits, and per-customer scores. Below the minimums, or when a fit is not usable,
// it answers `not_enough_data` and the app falls back to the rule-based classes.
import { rfmSummary, type RfmRow, type Transaction } from './rfm-summary';
import { compress, conditionalExpectedTransactions, fitBgNbd, probabilityAlive, type BgNbdFit } from './bgnbd';
import {
  conditionalExpectedSpend,
  expectedValue,
  fitGammaGamma,
  populationMeanSpend,
  type GammaGammaFit,
  type SpendCustomer,
} from './gamma-gamma';

/**
 * Minimums below which the models are not fitted. 100 customers and 20 repeat customers: with fewer,
 * the four BG/NBD parameters (and three spend parameters on the repeaters alone) are not identified
 * well enough for per-customer figures to beat the rule-based classes. A repeat customer here is one
 * with at least one repeat purchase day in the calibration period; the spend model needs the same number
 * of repeat customers with a positive repeat value. Both can be changed per call (the property tests
 * lower them to one to stress the numerics).
 */
export const CLV_MINIMUMS = { customers: 100, repeatCustomers: 20 } as const;
/**
 * Outlier rule for the spend model only (the BG/NBD counts every purchase): positive repeat-transaction
 * values are capped (winsorised) at the smaller of
 * - their 99.5th percentile, and
 * - a robust fence for "wholesale-sized" orders, which can be more than 0.5 % of a small shop's receipts:
 *   5 robust standard deviations above the median on the log scale (1.4826 × the median absolute
 *   deviation of ln value), but never below 10 × the median value.
 */
export const DEFAULT_SPEND_CAP_QUANTILE = 0.995;

export function spendCapOf(values: readonly number[], capQuantile: number): number {
  const median = quantile(values, 0.5);
  const logMedian = Math.log(median);
  const mad = quantile(
    values.map((v) => Math.abs(Math.log(v) - logMedian)),
    0.5,
  );
  const fence = Math.max(10 * median, median * Math.exp(5 * 1.4826 * mad));
  return Math.min(quantile(values, capQuantile), fence);
}

export type ClvOptions = {
  /** Last day of the calibration period, inclusive ('YYYY-MM-DD'): usually today or --until. */
  calibrationEnd: string;
  /** Days per model unit (default 7: weeks, as in the literature and the CLI output). */
  unitDays?: number;
  minCustomers?: number;
  minRepeatCustomers?: number;
  /** Percentile of the outlier rule (see DEFAULT_SPEND_CAP_QUANTILE); null: no cap (as the papers). */
  spendCapQuantile?: number | null;
};

export type NotEnoughReason =
  | 'too_few_customers'
  | 'too_few_repeat_customers'
  /** Too few repeat customers once zero-value and negative receipts are left out. */
  | 'too_few_customers_with_repeat_spend'
  /** The optimiser did not settle within its budget (has not happened on the tests' data). */
  | 'fit_did_not_converge'
  /** Gamma-Gamma q ≤ 1: spends too heavy-tailed for a finite mean, even after the outlier cap. */
  | 'mean_spend_undefined';

export type ClvFit =
  | {
      status: 'ok';
      customers: number;
      repeatCustomers: number;
      bgnbd: BgNbdFit;
      gammagamma: GammaGammaFit;
      /** The cap applied to repeat-transaction values for the spend model (null: none). */
      spendCap: number | null;
      unitDays: number;
      /** Parameters on a bound: the fit is usable but the data are extreme (e.g. no drop-out seen). */
      warnings: string[];
    }
  | {
      status: 'not_enough_data';
      reason: NotEnoughReason;
      minimum: { customers: number; repeatCustomers: number };
      observed: { customers: number; repeatCustomers: number };
    };

/** The q-quantile (nearest rank) of the values; NaN for none. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/**
 * The spend model's view of a customer: her repeat transactions with a positive value (zero-value
 * receipts, returns and corrections are left out), each capped at `cap`; x and their mean m.
 */
export function spendOf(row: RfmRow, cap: number | null): SpendCustomer {
  let x = 0;
  let sum = 0;
  for (const v of row.repeatValues) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    x++;
    sum += cap === null ? v : Math.min(v, cap);
  }
  return { x, m: x === 0 ? 0 : sum / x };
}

export function fitClv(transactions: readonly Transaction[], options: ClvOptions): ClvFit {
  return fitClvFromSummary(rfmSummary(transactions, options), options);
}

export function fitClvFromSummary(rows: readonly RfmRow[], options: ClvOptions): ClvFit {
  const minimum = {
    customers: options.minCustomers ?? CLV_MINIMUMS.customers,
    repeatCustomers: options.minRepeatCustomers ?? CLV_MINIMUMS.repeatCustomers,
  };
  const observed = { customers: rows.length, repeatCustomers: rows.filter((r) => r.x > 0).length };
  const refuse = (reason: NotEnoughReason): ClvFit => ({ status: 'not_enough_data', reason, minimum, observed });
  if (observed.customers < minimum.customers) return refuse('too_few_customers');
  if (observed.repeatCustomers < Math.max(1, minimum.repeatCustomers)) return refuse('too_few_repeat_customers');

  const capQuantile = options.spendCapQuantile === undefined ? DEFAULT_SPEND_CAP_QUANTILE : options.spendCapQuantile;
  const positive = rows.flatMap((r) => r.repeatValues.filter((v) => v > 0 && Number.isFinite(v)));
  const spendCap = capQuantile === null || positive.length === 0 ? null : spendCapOf(positive, capQuantile);
  const spend = rows.map((r) => spendOf(r, spendCap)).filter((s) => s.x > 0);
  if (spend.length < Math.max(1, minimum.repeatCustomers)) return refuse('too_few_customers_with_repeat_spend');

  const bgnbd = fitBgNbd(compress(rows));
  const gammagamma = fitGammaGamma(spend);
  const finite = [bgnbd.r, bgnbd.alpha, bgnbd.a, bgnbd.b, bgnbd.loglik, gammagamma.p, gammagamma.q, gammagamma.gamma];
  if (!bgnbd.converged || !gammagamma.converged || !finite.every(Number.isFinite)) {
    return refuse('fit_did_not_converge');
  }
  if (populationMeanSpend(gammagamma) === null) return refuse('mean_spend_undefined');
  const warnings = [
    ...bgnbd.atBounds.map((p) => `bgnbd.${p} at bound`),
    ...gammagamma.atBounds.map((p) => `gammagamma.${p} at bound`),
  ];
  return {
    status: 'ok',
    customers: observed.customers,
    repeatCustomers: observed.repeatCustomers,
    bgnbd,
    gammagamma,
    spendCap,
    unitDays: options.unitDays ?? 7,
    warnings,
  };
}

export type CustomerScore = {
  customerId: string;
  /** P(alive | x, t_x, T). */
  pAlive: number;
  /** Expected purchases in the next 90 and 365 days. */
  expected90: number;
  expected365: number;
  /** Expected value of one future purchase, E[M | x, m_x]. */
  expectedSpend: number;
  /** Expected spend in the next 90 and 365 days (purchases × spend; discounted if a rate is given). */
  value90: number;
  value365: number;
};

/** Per-customer figures for a successful fit; the rows must come from the same summary options. */
export function scoreCustomers(
  fit: Extract<ClvFit, { status: 'ok' }>,
  rows: readonly RfmRow[],
  options: { annualDiscountRate?: number } = {},
): CustomerScore[] {
  const unitsPerYear = 365.25 / fit.unitDays;
  const mean = populationMeanSpend(fit.gammagamma) ?? 0;
  const h90 = 90 / fit.unitDays;
  const h365 = 365 / fit.unitDays;
  const rate = options.annualDiscountRate ?? 0;
  return rows.map((row) => {
    const s = spendOf(row, fit.spendCap);
    const expectedSpend = conditionalExpectedSpend(fit.gammagamma, s.x, s.m, s.x > 0 ? s.m : mean);
    const expected90 = conditionalExpectedTransactions(fit.bgnbd, row, h90);
    const expected365 = conditionalExpectedTransactions(fit.bgnbd, row, h365);
    const value = (horizon: number, expected: number): number =>
      rate === 0
        ? expected * expectedSpend
        : expectedValue(fit.bgnbd, row, expectedSpend, {
            horizon,
            annualDiscountRate: rate,
            unitsPerYear,
            step: unitsPerYear / 12,
          });
    return {
      customerId: row.customerId,
      pAlive: probabilityAlive(fit.bgnbd, row),
      expected90,
      expected365,
      expectedSpend,
      value90: value(h90, expected90),
      value365: value(h365, expected365),
    };
  });
}
