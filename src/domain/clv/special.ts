// Special functions for the CLV models, written out so the domain layer has no numeric dependency:
// lgamma (Lanczos), log-space helpers, the Gauss hypergeometric series 2F1 and the BG/NBD "expected
// transactions while alive" integral E_p[(1 − (1 + p·t/α)^−r) / p], p ~ Beta(a, b), which is the
// hypergeometric expression of Fader, Hardie and Lee (2005), eq. 9/10, evaluated without its pitfalls.

// Lanczos approximation, g = 7, 9 coefficients (Godfrey): about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046728;

/** ln Γ(x) for x > 0 (reflection below 0.5). NaN for x ≤ 0, which the models never ask for. */
export function lgamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lgamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b);
}

/** ln(e^u + e^v) without overflow. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  return u > v ? u + Math.log1p(Math.exp(v - u)) : v + Math.log1p(Math.exp(u - v));
}

/** ln(1 + e^s) without overflow. */
export function softplus(s: number): number {
  return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
}

/** expm1(e·l)/e, continuous at e = 0 (where it equals l). */
export function expm1Over(e: number, l: number): number {
  const u = e * l;
  if (Math.abs(u) < 1e-5) return l * (1 + u / 2 + (u * u) / 6);
  return Math.expm1(u) / e;
}

/**
 * Bound on |t_{k+1}/t_k| for every k ≥ n of a hypergeometric-type series whose term ratio is
 * z(p+k)(q+k)/((s+k)(k+1)): a factor (u+k)/(v+k) is monotone in k towards 1 once n > −u, −v, so its
 * later values never exceed max(1, its value now). Both ways of pairing the four terms give a bound;
 * the smaller is used. Infinity before that point.
 */
function ratioBound(p: number, q: number, s: number, z: number, n: number): number {
  if (!(n > -p && n > -q && n > -s)) return Infinity;
  const up = (u: number, v: number) => Math.max(1, (u + n) / (v + n));
  return Math.abs(z) * Math.min(up(p, 1) * up(q, s), up(p, s) * up(q, 1));
}

/** Relative accuracy the series are summed to (the remainder is bounded, not guessed). */
const SERIES_EPS = 1e-16;

/**
 * Gauss hypergeometric 2F1(a, b; c; z) by its power series, for |z| < 1 and c not a non-positive integer.
 * Terms are added until the remainder, bounded by a geometric series with ratioBound, is below 1e-16 of
 * the sum; throws when |z| ≥ 1, c is a pole, or maxTerms are not enough (the number of terms grows like
 * 1/(1 − |z|)). The tests use it to check bgnbdAliveExpectation against the paper's formula.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, maxTerms = 100_000): number {
  if (!(Math.abs(z) < 1)) throw new RangeError(`hyp2f1: |z| must be < 1, got ${z}`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c = ${c} is a pole`);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < maxTerms && Number.isFinite(sum); n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (term === 0) return sum;
    const q = ratioBound(a, b, c, z, n + 1);
    if (q < 1 && (Math.abs(term) * q) / (1 - q) <= SERIES_EPS * Math.abs(sum)) return sum;
  }
  throw new RangeError(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge in ${maxTerms} terms`);
}

/** Series longer than this give way to the next method (they need z close to 1 or huge parameters). */
const SERIES_MAX_TERMS = 4000;

/**
 * Σ_{n ≥ n0} t_n with t_{n0} = sign·e^{logFirst} and t_{n+1}/t_n = z(p+n)(q+n)/((s+n)(n+1)), 0 < z < 1,
 * each term kept in log space so that a tiny prefactor folded into logFirst and a huge series cannot
 * overflow. Null when SERIES_MAX_TERMS are not enough.
 */
function hyperSum(
  logFirst: number,
  sign: number,
  p: number,
  q: number,
  s: number,
  z: number,
  n0: number,
): number | null {
  const lz = Math.log(z);
  let logTerm = logFirst;
  let sum = sign * Math.exp(logTerm);
  for (let n = n0; n < n0 + SERIES_MAX_TERMS; n++) {
    const ratio = ((p + n) * (q + n)) / ((s + n) * (n + 1));
    if (ratio === 0) return sum;
    if (ratio < 0) sign = -sign;
    logTerm += Math.log(Math.abs(ratio)) + lz;
    const term = sign * Math.exp(logTerm);
    sum += term;
    const bound = ratioBound(p, q, s, z, n + 1);
    if (bound < 1 && (Math.abs(term) * bound) / (1 - bound) <= SERIES_EPS * Math.max(Math.abs(sum), 1)) return sum;
  }
  return null;
}

/**
 * E_p[(1 − (1 + p·t/α)^−r) / p] for p ~ Beta(a, b): the expected number of transactions in the next t
 * periods of a BG/NBD customer known to be alive with λ ~ Gamma(r, α), p ~ Beta(a, b). It equals
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r · 2F1(r, b; a+b−1; z)], z = t/(α+t) (Fader, Hardie and Lee 2005).
 * That form cancels catastrophically near a = 1 and has a pole at a + b = 1, so it is evaluated, in order:
 * 1. after Euler's transformation, with ℓ = ln(1 − z) and the (a − 1) factor taken out of the series,
 *      (a+b−1) · (−expm1((a−1)ℓ)/(a−1)) − e^{(a−1)ℓ} · Σ_{n≥1} (a+b−1−r)_n (a)_{n−1} / ((a+b)_{n−1} n!) zⁿ
 *    (no pole, no cancellation at a = 1; the usual case);
 * 2. else by the paper's series itself, when a + b − 1 > 0, a is not near 1 and 1 − (1−z)^r·2F1 does not
 *    cancel below 1e-6 (large r and b: many purchases, little drop-out);
 * 3. else, when both need more than SERIES_MAX_TERMS terms (z near 1: t ≫ α, or huge parameters), by
 *    quadrature of the integral (betaQuadrature).
 * The result is clamped to [0, r·t/α] (no drop-out at all), so it is always finite.
 */
export function bgnbdAliveExpectation(r: number, alpha: number, a: number, b: number, t: number): number {
  if (!(t > 0)) return 0;
  const upper = (r * t) / alpha;
  const value =
    transformedSeries(r, alpha, a, b, t) ?? paperSeries(r, alpha, a, b, t) ?? betaQuadrature(r, t / alpha, a, b);
  if (!Number.isFinite(value)) return Number.isFinite(upper) ? upper : 0;
  return Math.min(Math.max(value, 0), upper);
}

function transformedSeries(r: number, alpha: number, a: number, b: number, t: number): number | null {
  const z = t / (alpha + t);
  const ell = -Math.log1p(t / alpha);
  const A = a + b - 1 - r;
  const first = -(a + b - 1) * expm1Over(a - 1, ell);
  if (A === 0) return first;
  const sum = hyperSum((a - 1) * ell + Math.log(Math.abs(A)) + Math.log(z), Math.sign(A), A, a - 1, a + b - 1, z, 1);
  return sum === null ? null : first - sum;
}

function paperSeries(r: number, alpha: number, a: number, b: number, t: number): number | null {
  const c = a + b - 1;
  if (!(c > 0) || Math.abs(a - 1) < 1e-3) return null;
  const sum = hyperSum(-r * Math.log1p(t / alpha), 1, r, b, c, t / (alpha + t), 0);
  if (sum === null || Math.abs(1 - sum) < 1e-6) return null;
  return (c / (a - 1)) * (1 - sum);
}

/**
 * ∫₀¹ (1 − (1 + pκ)^−r)/p · Beta(p; a, b) dp by a double-exponential trapezoid rule in the logit of p:
 * s = ln(p/(1−p)) = c + w·sinh(u), centred on the mode c = ln(a/b) with width w ≈ the spread of s. In s the
 * Beta density becomes p^a (1−p)^b / B(a, b), smooth and log-concave, and ln p, ln(1 − p) stay exact at
 * both ends (Beta densities with a or b far below 1 put most of their mass within 1e-300 of an end). The
 * range is found on a coarse grid in log space, then the step is halved until two levels agree to 1e-10.
 */
export function betaQuadrature(r: number, kappa: number, a: number, b: number): number {
  const lb = lbeta(a, b);
  const c = Math.log(a / b);
  const w = Math.min(10, Math.max(1e-3, Math.sqrt(1 / a + 1 / b)));
  const logIntegrand = (u: number): number => {
    const s = c + w * Math.sinh(u);
    const lp = -softplus(-s);
    const lq = -softplus(s);
    const pk = Math.exp(lp) * kappa;
    const lg =
      pk < 1e-12
        ? Math.log(r * kappa) + Math.log1p((-(r + 1) * pk) / 2)
        : Math.log(-Math.expm1(-r * Math.log1p(pk))) - lp;
    const v = lg + a * lp + b * lq - lb + Math.log(w * Math.cosh(u));
    return Number.isNaN(v) ? -Infinity : v;
  };
  const coarse = 0.25;
  let peak = -Infinity;
  const grid: number[] = [];
  for (let i = -96; i <= 96; i++) {
    const v = logIntegrand(i * coarse);
    grid.push(v);
    if (v > peak) peak = v;
  }
  if (peak === -Infinity) return 0;
  let first = 0;
  while (grid[first]! < peak - 46) first++;
  let last = grid.length - 1;
  while (grid[last]! < peak - 46) last--;
  const lo = (Math.max(first - 1, 0) - 96) * coarse;
  const hi = (Math.min(last + 1, grid.length - 1) - 96) * coarse;
  let h = coarse / 2;
  let steps = Math.round((hi - lo) / h);
  let sum = 0;
  for (let i = 0; i <= steps; i++) sum += Math.exp(logIntegrand(lo + i * h) - peak);
  let estimate = sum * h;
  for (let level = 0; level < 7; level++) {
    h /= 2;
    steps *= 2;
    for (let i = 1; i < steps; i += 2) sum += Math.exp(logIntegrand(lo + i * h) - peak);
    const next = sum * h;
    if (Math.abs(next - estimate) <= 1e-10 * next) return next * Math.exp(peak);
    estimate = next;
  }
  return estimate * Math.exp(peak);
}
