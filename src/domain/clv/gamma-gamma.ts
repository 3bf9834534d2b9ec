// Gamma-Gamma model of monetary value (Fader and Hardie 2013, after Colombo and Jiang 1999): a customer's
// transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ) across customers, independent of her purchase
// frequency. Fitted on the customers with x ≥ 1 repeat transactions and their mean repeat value m_x.
import { lgamma } from './special';
import { minimize } from './optimize';
import { conditionalExpectedTransactions, type BgNbdCustomer, type BgNbdParams } from './bgnbd';
import { DEFAULT_BOUNDS, type FitOptions } from './bgnbd';

export type GammaGammaParams = { p: number; q: number; gamma: number };
export type GammaGammaFit = GammaGammaParams & {
  loglik: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  atBounds: (keyof GammaGammaParams)[];
};
/** x ≥ 1 repeat transactions with mean value m > 0. */
export type SpendCustomer = { x: number; m: number };

/** Customers grouped by x, with what the likelihood needs precomputed (Σ ln m per group, x·m each). */
type Prepared = { x: number; count: number; sumLnM: number; xm: Float64Array }[];

function prepare(data: readonly SpendCustomer[]): Prepared {
  const byX = new Map<number, number[]>();
  for (const { x, m } of data) {
    if (!(x >= 1 && m > 0)) throw new RangeError(`invalid spend summary x=${x} m=${m}`);
    let ms = byX.get(x);
    if (!ms) byX.set(x, (ms = []));
    ms.push(m);
  }
  return [...byX].map(([x, ms]) => ({
    x,
    count: ms.length,
    sumLnM: ms.reduce((s, m) => s + Math.log(m), 0),
    xm: Float64Array.from(ms, (m) => x * m),
  }));
}

/**
 * Log-likelihood of the mean spends (eq. 3 of the note), summed over customers (x ≥ 1, m > 0):
 * ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + x·m).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, data: readonly SpendCustomer[] | Prepared): number {
  const groups = isPrepared(data) ? data : prepare(data);
  const { p, q, gamma } = params;
  const common = q * Math.log(gamma) - lgamma(q);
  let total = 0;
  for (const g of groups) {
    const px = p * g.x;
    let sumLog = 0;
    for (let i = 0; i < g.xm.length; i++) sumLog += Math.log(gamma + g.xm[i]!);
    total +=
      g.count * (common + lgamma(px + q) - lgamma(px) + px * Math.log(g.x)) + (px - 1) * g.sumLnM - (px + q) * sumLog;
  }
  return total;
}

const isPrepared = (data: readonly SpendCustomer[] | Prepared): data is Prepared => data.length > 0 && 'xm' in data[0]!;

/**
 * Maximum-likelihood fit over (ln p, ln q, ln γ). The spends are first divided by their median, so the
 * bounds ([1e-4, 1e4] by default) and starting points do not depend on the currency (γ is a scale
 * parameter: the fit on scaled data gives γ/scale and the same p, q; the log-likelihood is corrected
 * by the Jacobian). Throws when no customer has x ≥ 1 and m > 0.
 */
export function fitGammaGamma(data: readonly SpendCustomer[], options: FitOptions = {}): GammaGammaFit {
  const usable = data.filter((c) => c.x >= 1 && c.m > 0 && Number.isFinite(c.m));
  if (usable.length === 0) throw new RangeError('fitGammaGamma: no customer with repeat spend');
  const sortedM = usable.map((c) => c.m).sort((a, b) => a - b);
  const scale = sortedM[Math.floor((sortedM.length - 1) / 2)]!; // median: robust to wholesale orders
  const scaled = usable.map((c) => ({ x: c.x, m: c.m / scale }));
  const lower = Math.log(options.lower ?? DEFAULT_BOUNDS.lower);
  const upper = Math.log(options.upper ?? DEFAULT_BOUNDS.upper);
  const unpack = (v: readonly number[]): GammaGammaParams => ({
    p: Math.exp(v[0]!),
    q: Math.exp(v[1]!),
    gamma: Math.exp(v[2]!),
  });
  const n = scaled.length;
  // with typical scaled spend 1, E[M] = pγ/(q − 1) suggests γ ≈ (q − 1)/p
  const starts = [
    [1, 2, 1],
    [4, 4, 0.75],
    [0.5, 1.5, 1],
  ].map((s) => s.map(Math.log));
  const prepared = prepare(scaled);
  const result = minimize((v) => -gammaGammaLogLikelihood(unpack(v), prepared) / n, starts, {
    lower: [lower, lower, lower],
    upper: [upper, upper, upper],
    maxEvaluations: options.maxEvaluations ?? 20_000,
  });
  const fitted = unpack(result.x);
  const params = { ...fitted, gamma: fitted.gamma * scale };
  return {
    ...params,
    loglik: gammaGammaLogLikelihood(params, usable),
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    atBounds: (['p', 'q', 'gamma'] as const).filter(
      (_, i) => result.x[i]! <= lower + 1e-6 || result.x[i]! >= upper - 1e-6,
    ),
  };
}

/** Population mean transaction value pγ/(q − 1); null when q ≤ 1 (the mean does not exist). */
export function populationMeanSpend(params: GammaGammaParams): number | null {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : null;
}

/**
 * E[M | x, m_x] = p(γ + x·m_x)/(px + q − 1) (eq. 5 of the note): a weighted average of the population
 * mean and the customer's own mean. For x = 0 it is the population mean. Returns `fallback` (e.g. the
 * customer's own mean, or the store's average receipt) when the model has no finite answer (q ≤ 1
 * with px + q ≤ 1), so the result is always finite when the fallback is.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, x: number, m: number, fallback: number = m): number {
  const denominator = params.p * x + params.q - 1;
  if (!(denominator > 1e-9)) return fallback;
  const value = (params.p * (params.gamma + (x > 0 ? x * m : 0))) / denominator;
  return Number.isFinite(value) ? value : fallback;
}

export type ValueOptions = {
  /** Horizon in model units (weeks). */
  horizon: number;
  /** Yearly discount rate, e.g. 0.1 for 10 % (default 0: undiscounted). */
  annualDiscountRate?: number;
  /** Model units per year (default 52: weeks). */
  unitsPerYear?: number;
  /** Discounting step in units (default 4.33: about a month). */
  step?: number;
};

/**
 * Expected value over the horizon: expected transactions × expected spend per transaction. Without
 * discounting it is E[Y(horizon) | x, t_x, T] · E[M | x, m_x]. With a rate d, the horizon is cut into
 * steps and each step's expected transactions E[Y(t_k)] − E[Y(t_{k−1})] are discounted by
 * (1 + d)^(−t_k / unitsPerYear), i.e. as if bought at the end of the step (a slightly prudent figure).
 */
export function expectedValue(
  bgnbd: BgNbdParams,
  customer: BgNbdCustomer,
  spendPerTransaction: number,
  options: ValueOptions,
): number {
  const rate = options.annualDiscountRate ?? 0;
  const horizon = Math.max(0, options.horizon);
  if (rate === 0) return conditionalExpectedTransactions(bgnbd, customer, horizon) * spendPerTransaction;
  const perYear = options.unitsPerYear ?? 52;
  const step = options.step ?? 52 / 12;
  const steps = Math.max(1, Math.ceil(horizon / step - 1e-9));
  let previous = 0;
  let total = 0;
  for (let k = 1; k <= steps; k++) {
    const t = Math.min(horizon, k * step);
    const cumulative = conditionalExpectedTransactions(bgnbd, customer, t);
    total += (cumulative - previous) / Math.pow(1 + rate, t / perYear);
    previous = cumulative;
  }
  return total * spendPerTransaction;
}
