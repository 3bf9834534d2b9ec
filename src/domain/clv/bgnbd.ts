// BG/NBD model (Fader, Hardie and Lee 2005, "Counting your customers the easy way"): while alive a
// customer buys at Poisson rate λ ~ Gamma(r, α); after each repeat purchase she drops out with
// probability p ~ Beta(a, b). Likelihood, maximum-likelihood fit over log-parameters, and per-customer
// predictions. Time is in the units of the summary (weeks in the literature).
import { bgnbdAliveExpectation, lbeta, lgamma, logAddExp } from './special';
import { minimize } from './optimize';

export type BgNbdParams = { r: number; alpha: number; a: number; b: number };
export type BgNbdFit = BgNbdParams & {
  loglik: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
  /** Parameters that ended on a bound (e.g. b at the top: almost no drop-out in the data). */
  atBounds: (keyof BgNbdParams)[];
};
/** One customer's calibration summary: x repeat transactions, the last at t_x, observed until T. */
export type BgNbdCustomer = { x: number; tx: number; T: number };
export type FitOptions = { lower?: number; upper?: number; maxEvaluations?: number };

export const DEFAULT_BOUNDS = { lower: 1e-4, upper: 1e4 } as const;
const NAMES = ['r', 'alpha', 'a', 'b'] as const;

type Group = { x: number; iT: Int32Array; itx: Int32Array; w: Float64Array };
/** Customers collapsed to distinct (x, t_x, T) with counts; times indexed into one table of values. */
export type CompressedData = { values: Float64Array; groups: Group[]; customers: number; repeats: number };

export function compress(data: readonly BgNbdCustomer[]): CompressedData {
  const valueIndex = new Map<number, number>();
  const indexOf = (v: number): number => {
    let i = valueIndex.get(v);
    if (i === undefined) valueIndex.set(v, (i = valueIndex.size));
    return i;
  };
  const byX = new Map<number, Map<string, { iT: number; itx: number; w: number }>>();
  let repeats = 0;
  for (const c of data) {
    if (!(c.x >= 0 && Number.isInteger(c.x) && c.T >= 0 && c.tx >= 0 && c.tx <= c.T)) {
      throw new RangeError(`invalid customer summary ${JSON.stringify(c)}`);
    }
    repeats += c.x;
    let rows = byX.get(c.x);
    if (!rows) byX.set(c.x, (rows = new Map()));
    const tx = c.x === 0 ? 0 : c.tx;
    const key = `${tx}|${c.T}`;
    const row = rows.get(key);
    if (row) row.w++;
    else rows.set(key, { iT: indexOf(c.T), itx: indexOf(tx), w: 1 });
  }
  const groups = [...byX]
    .sort(([x1], [x2]) => x1 - x2)
    .map(([x, rows]) => {
      const list = [...rows.values()];
      return {
        x,
        iT: Int32Array.from(list, (r) => r.iT),
        itx: Int32Array.from(list, (r) => r.itx),
        w: Float64Array.from(list, (r) => r.w),
      };
    });
  return { values: Float64Array.from(valueIndex.keys()), groups, customers: data.length, repeats };
}

/** Log-likelihood of the BG/NBD model (eq. 6 of the paper, in log space), summed over customers. */
export function bgnbdLogLikelihood(p: BgNbdParams, data: readonly BgNbdCustomer[] | CompressedData): number {
  const d = 'groups' in data ? data : compress(data);
  const { r, alpha, a, b } = p;
  const lnAlphaPlus = new Float64Array(d.values.length);
  for (let k = 0; k < d.values.length; k++) lnAlphaPlus[k] = Math.log(alpha + d.values[k]!);
  const common = r * Math.log(alpha) - lgamma(r) + lgamma(a + b) - lgamma(b);
  let total = 0;
  for (const g of d.groups) {
    const x = g.x;
    const rx = r + x;
    const base = common + lgamma(rx) + lgamma(b + x) - lgamma(a + b + x);
    const c = x > 0 ? Math.log(a) - Math.log(b + x - 1) : 0;
    let sum = 0;
    let weight = 0;
    for (let i = 0; i < g.w.length; i++) {
      const l3 = -rx * lnAlphaPlus[g.iT[i]!]!;
      sum += g.w[i]! * (x > 0 ? logAddExp(l3, c - rx * lnAlphaPlus[g.itx[i]!]!) : l3);
      weight += g.w[i]!;
    }
    total += sum + weight * base;
  }
  return total;
}

/**
 * Maximum-likelihood fit over (ln r, ln α, ln a, ln b), each parameter kept within [lower, upper]
 * (default [1e-4, 1e4]), by Nelder–Mead from three deterministic starting points scaled to the data's
 * purchase rate. Throws on an empty data set.
 */
export function fitBgNbd(data: readonly BgNbdCustomer[] | CompressedData, options: FitOptions = {}): BgNbdFit {
  const d = 'groups' in data ? data : compress(data);
  if (d.customers === 0) throw new RangeError('fitBgNbd: no customers');
  const lower = Math.log(options.lower ?? DEFAULT_BOUNDS.lower);
  const upper = Math.log(options.upper ?? DEFAULT_BOUNDS.upper);
  let exposure = 0;
  for (const g of d.groups) for (let i = 0; i < g.w.length; i++) exposure += g.w[i]! * d.values[g.iT[i]!]!;
  const rate = Math.max(d.repeats, 1) / Math.max(exposure, 1e-9); // repeat purchases per unit of time
  const start = (r: number, a: number, b: number): number[] => [r, r / rate, a, b].map(Math.log);
  const starts = [start(1, 1, 1), start(0.25, 0.75, 2.5), start(2, 0.25, 5)];
  const unpack = (v: readonly number[]): BgNbdParams => ({
    r: Math.exp(v[0]!),
    alpha: Math.exp(v[1]!),
    a: Math.exp(v[2]!),
    b: Math.exp(v[3]!),
  });
  const n = d.customers;
  const result = minimize((v) => -bgnbdLogLikelihood(unpack(v), d) / n, starts, {
    lower: [lower, lower, lower, lower],
    upper: [upper, upper, upper, upper],
    maxEvaluations: options.maxEvaluations ?? 30_000,
  });
  const params = unpack(result.x);
  return {
    ...params,
    loglik: bgnbdLogLikelihood(params, d),
    converged: result.converged,
    iterations: result.iterations,
    evaluations: result.evaluations,
    atBounds: NAMES.filter((_, i) => result.x[i]! <= lower + 1e-6 || result.x[i]! >= upper - 1e-6),
  };
}

/** P(alive | x, t_x, T) (eq. 13 of the paper), computed as a logistic of a log-odds. */
export function probabilityAlive(p: BgNbdParams, c: BgNbdCustomer): number {
  if (c.x === 0) return 1;
  const logOdds = Math.log(p.a) - Math.log(p.b + c.x - 1) + (p.r + c.x) * Math.log1p((c.T - c.tx) / (p.alpha + c.tx));
  return 1 / (1 + Math.exp(logOdds));
}

/** E[X(t)]: expected repeat transactions of a new customer in her first t units (eq. 9). */
export function expectedTransactions(p: BgNbdParams, t: number): number {
  return bgnbdAliveExpectation(p.r, p.alpha, p.a, p.b, t);
}

/**
 * E[Y(t) | x, t_x, T]: expected transactions in the next t units (eq. 10): P(alive) times the alive
 * expectation with the posterior λ ~ Gamma(r + x, α + T), p ~ Beta(a, b + x).
 */
export function conditionalExpectedTransactions(p: BgNbdParams, c: BgNbdCustomer, t: number): number {
  return probabilityAlive(p, c) * bgnbdAliveExpectation(p.r + c.x, p.alpha + c.T, p.a, p.b + c.x, t);
}

/**
 * P(X(t) = x) for a new customer (eq. 8), for the calibration-period frequency table. The second term's
 * 1 − NBD CDF is clamped to [0, 1].
 */
export function probabilityOfCount(p: BgNbdParams, t: number, x: number): number {
  const { r, alpha, a, b } = p;
  const lnA = Math.log(alpha / (alpha + t));
  const lnZ = Math.log(t / (alpha + t));
  const lnB = lbeta(a, b);
  const nbd = (j: number): number =>
    j === 0 ? Math.exp(r * lnA) : Math.exp(lgamma(r + j) - lgamma(r) - lgamma(j + 1) + r * lnA + j * lnZ);
  const first = Math.exp(lbeta(a, b + x) - lnB) * nbd(x);
  if (x === 0) return first;
  let cdf = 0;
  for (let j = 0; j < x; j++) cdf += nbd(j);
  const tail = Math.min(1, Math.max(0, 1 - cdf));
  return first + Math.exp(lbeta(a + 1, b + x - 1) - lnB) * tail;
}
