// Deterministic bounded minimiser for the CLV likelihoods: Nelder–Mead (adaptive coefficients of Gao and
// Han 2012) inside a box, restarted from its own best point until a restart no longer improves, run from
// several starting points; the best run wins. The models optimise log-parameters, so the box is
// [ln 1e-4, ln 1e4] per coordinate by default and every vertex is projected into it.

export type MinimizeOptions = {
  lower: readonly number[];
  upper: readonly number[];
  /** Initial simplex edge in each coordinate (log-units for the models). */
  step?: number;
  /** Stop when the simplex's function values agree to this (absolute + relative) … */
  fTolerance?: number;
  /** … and its vertices to this, in every coordinate. */
  xTolerance?: number;
  maxEvaluations?: number;
};

export type MinimizeResult = {
  x: number[];
  value: number;
  converged: boolean;
  iterations: number;
  evaluations: number;
};

const clampInto = (x: number[], lower: readonly number[], upper: readonly number[]): number[] =>
  x.map((v, i) => Math.min(upper[i]!, Math.max(lower[i]!, v)));

/** Non-finite objective values count as +∞, so the simplex walks away from them. */
function safe(f: (x: number[]) => number): (x: number[]) => number {
  return (x) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
}

function nelderMead(
  f: (x: number[]) => number,
  start: readonly number[],
  o: Required<MinimizeOptions>,
  budget: number,
): MinimizeResult {
  const n = start.length;
  const alpha = 1;
  const gamma = 1 + 2 / n;
  const rho = 0.75 - 1 / (2 * n);
  const sigma = 1 - 1 / n;
  let evaluations = 0;
  const evalAt = (x: number[]): number => {
    evaluations++;
    return f(x);
  };
  const x0 = clampInto([...start], o.lower, o.upper);
  const simplex: number[][] = [x0];
  for (let i = 0; i < n; i++) {
    const v = [...x0];
    // step inwards when the start sits on the upper bound
    v[i] = v[i]! + o.step <= o.upper[i]! ? v[i]! + o.step : v[i]! - o.step;
    simplex.push(clampInto(v, o.lower, o.upper));
  }
  let values = simplex.map(evalAt);
  let iterations = 0;
  let converged = false;
  let stalled = 0;
  let previousBest = Infinity;
  while (evaluations < budget) {
    const order = values.map((_, i) => i).sort((i, j) => values[i]! - values[j]!);
    const sorted = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    simplex.splice(0, simplex.length, ...sorted);
    const best = values[0]!;
    const worst = values[n]!;
    const fSpread = Math.abs(worst - best);
    let xSpread = 0;
    for (let i = 1; i <= n; i++)
      for (let j = 0; j < n; j++) xSpread = Math.max(xSpread, Math.abs(simplex[i]![j]! - simplex[0]![j]!));
    const fSmall = o.fTolerance * (1 + Math.abs(best));
    // on a flat ridge (a parameter running to a bound, an unidentified ratio) the vertices never gather,
    // and near the optimum rounding noise in the likelihood can exceed the tolerance: 30·n iterations in
    // which the best value gains less than the tolerance also end the run (the restarts then confirm)
    stalled = previousBest - best > fSmall ? 0 : stalled + 1;
    previousBest = Math.min(previousBest, best);
    if ((fSpread <= fSmall && xSpread <= o.xTolerance) || stalled > 30 * n) {
      converged = true;
      break;
    }
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]![j]! / n;
    const along = (t: number): number[] =>
      clampInto(
        centroid.map((c, j) => c + t * (simplex[n]![j]! - c)),
        o.lower,
        o.upper,
      );
    const xr = along(-alpha);
    const fr = evalAt(xr);
    if (fr < best) {
      const xe = along(-alpha * gamma);
      const fe = evalAt(xe);
      if (fe < fr) [simplex[n], values[n]] = [xe, fe];
      else [simplex[n], values[n]] = [xr, fr];
      continue;
    }
    if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [xr, fr];
      continue;
    }
    const outside = fr < worst;
    const xc = along(outside ? -alpha * rho : rho);
    const fc = evalAt(xc);
    if (fc < (outside ? fr : worst)) {
      [simplex[n], values[n]] = [xc, fc];
      continue;
    }
    for (let i = 1; i <= n; i++) {
      simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + sigma * (v - simplex[0]![j]!));
      values[i] = evalAt(simplex[i]!);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i]! < values[bestIndex]!) bestIndex = i;
  return { x: simplex[bestIndex]!, value: values[bestIndex]!, converged, iterations, evaluations };
}

/**
 * Minimise f over the box. Each start gets an equal share of half the budget; the best run then gets
 * the rest. A run is refined by restarting Nelder–Mead from its best point with a fresh, smaller simplex
 * (which guards against the method's known stalls) until a restart ends without improving the value:
 * only then is the result `converged`.
 */
export function minimize(
  objective: (x: number[]) => number,
  starts: readonly (readonly number[])[],
  options: MinimizeOptions,
): MinimizeResult {
  const o: Required<MinimizeOptions> = {
    step: 0.5,
    fTolerance: 1e-12,
    xTolerance: 1e-7,
    maxEvaluations: 20_000,
    ...options,
  };
  if (starts.length === 0) throw new RangeError('minimize: no starting point');
  const f = safe(objective);
  let iterations = 0;
  let evaluations = 0;
  const refine = (run: MinimizeResult, budget: number): MinimizeResult => {
    let current = run;
    for (let used = 0; used < budget;) {
      const again = nelderMead(f, current.x, { ...o, step: o.step / 4 }, Math.max(budget - used, 4 * o.lower.length));
      used += again.evaluations;
      evaluations += again.evaluations;
      iterations += again.iterations;
      const improved = again.value < current.value - o.fTolerance * (1 + Math.abs(current.value));
      current = again.value <= current.value ? again : current;
      if (!improved) return { ...current, converged: again.converged };
    }
    return { ...current, converged: false };
  };
  const share = Math.max(100, Math.floor(o.maxEvaluations / (2 * starts.length)));
  let best: MinimizeResult | null = null;
  for (const start of starts) {
    const first = nelderMead(f, start, o, share);
    evaluations += first.evaluations;
    iterations += first.iterations;
    const run = refine(first, share - first.evaluations);
    if (best === null || run.value < best.value) best = run;
  }
  if (!best!.converged) best = refine(best!, Math.max(0, o.maxEvaluations - evaluations));
  return { ...best!, iterations, evaluations };
}
