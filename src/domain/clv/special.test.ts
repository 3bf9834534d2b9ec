import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaQuadrature, bgnbdAliveExpectation, expm1Over, hyp2f1, lgamma, logAddExp } from './special';
import { minimize } from './optimize';

const close = (actual: number, expected: number, relative: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));

describe('lgamma (Lanczos)', () => {
  // reference values from mpmath at 30 digits
  it.each([
    [1e-4, 9.210282658633963],
    [0.1, 2.252712651734206],
    [0.5, 0.5723649429247001],
    [1, 0],
    [2, 0],
    [3.5, 1.2009736023470743],
    [10, Math.log(362880)],
    [100, 359.1342053695754],
    [1e4, 82099.71749644238],
    [1e6, 12815504.569147611],
  ])('lgamma(%f)', (x, expected) => close(lgamma(x), expected, 1e-14));
  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (x) => {
        close(lgamma(x + 1), lgamma(x) + Math.log(x), 1e-13);
      }),
    );
  });
  it('is NaN outside its domain', () => expect(lgamma(0)).toBeNaN());
});

describe('log-space helpers', () => {
  it('adds in log space without overflow', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
    expect(logAddExp(-800, -1e6)).toBe(-800);
  });
  it('expm1(e·l)/e is continuous at e = 0', () => {
    expect(expm1Over(0, 2.5)).toBe(2.5);
    close(expm1Over(1e-9, -3), -3 * (1 - 1.5e-9), 1e-15);
    close(expm1Over(0.5, -2), Math.expm1(-1) / 0.5, 1e-15);
  });
});

describe('hyp2f1 series', () => {
  it('matches closed forms', () => {
    close(hyp2f1(1, 1, 2, 0.99), -Math.log(0.01) / 0.99, 1e-13);
    close(hyp2f1(0.5, 0.5, 1.5, 0.25), Math.asin(0.5) / 0.5, 1e-14);
    close(hyp2f1(2.7, 1.3, 1.3, -0.4), Math.pow(1.4, -2.7), 1e-14);
    // terminating series: 1 + (−2)(1.5)/3 z + (−2)(−1)(1.5)(2.5)/(3·4·2) z²
    expect(hyp2f1(-2, 1.5, 3, 0.5)).toBeCloseTo(1 - 0.5 + (7.5 / 24) * 0.25, 14);
  });
  it('matches mpmath on general arguments', () => {
    close(hyp2f1(0.243, 2.426, 2.219, 0.9), 1.9476311698186015, 1e-13);
    close(hyp2f1(1.5, -0.3, 0.7, -0.6), 1.3020085712118967, 1e-13);
    close(hyp2f1(3, 4, -2.5, 0.3), -2271.7399630659725, 1e-12);
  });
  it('refuses |z| ≥ 1, poles and non-convergence', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow(RangeError);
    expect(() => hyp2f1(1, 1, 2, 0.999999, 100)).toThrow(/did not converge/);
  });
});

describe('BG/NBD alive expectation E_p[(1 − (1 + pt/α)^−r)/p]', () => {
  // [r, α, a, b, t, value by mpmath (hypergeometric form at 30 digits)]
  it.each([
    [0.243, 4.414, 0.793, 2.426, 39, 1.196723193320817],
    [0.5, 0.01, 1, 2, 52, 12.450413451042996], // a = 1 exactly, z close to 1: quadrature
    [0.5, 1, 0.3, 0.2, 10, 1.7579850654839182], // a + b < 1: the paper's 2F1 has c < 0
    [3, 1, 1e4, 1e4, 10, 1.9908372000994718],
    [2, 0.5, 50, 3, 20, 1.0605131759097606],
    [5, 3, 2, 1e4, 10, 16.63341753096903],
    [0.2, 1, 1e-4, 1e-4, 100, 10.29750333471289],
  ])('r=%f α=%f a=%f b=%f t=%f', (r, alpha, a, b, t, expected) => {
    close(bgnbdAliveExpectation(r, alpha, a, b, t), expected, 1e-11);
  });
  it('equals the paper’s hypergeometric form and the quadrature where both apply', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }).filter((a) => Math.abs(a - 1) > 0.05),
        fc.double({ min: 0.6, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        (r, alpha, a, b, t) => {
          const z = t / (alpha + t);
          fc.pre(a + b - 1 > 0.05);
          const paper = ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
          const value = bgnbdAliveExpectation(r, alpha, a, b, t);
          close(value, paper, 1e-7);
          close(betaQuadrature(r, t / alpha, a, b), value, 1e-8);
        },
      ),
      { numRuns: 200 },
    );
  });
  it('stays finite and within [0, r·t/α] over the whole parameter box', () => {
    const p = fc.double({ min: Math.log(1e-4), max: Math.log(1e4), noNaN: true }).map(Math.exp);
    fc.assert(
      fc.property(p, p, p, p, fc.double({ min: 0, max: 1000, noNaN: true }), (r, alpha, a, b, t) => {
        const v = bgnbdAliveExpectation(r, alpha, a, b, t);
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual((r * t) / alpha);
      }),
      { numRuns: 300 },
    );
  });
});

describe('bounded Nelder–Mead', () => {
  it('finds the Rosenbrock minimum from several starts, deterministically', () => {
    const rosen = (v: number[]) => 100 * (v[1]! - v[0]! ** 2) ** 2 + (1 - v[0]!) ** 2;
    const run = () =>
      minimize(
        rosen,
        [
          [-1.2, 1],
          [2, 2],
        ],
        { lower: [-5, -5], upper: [5, 5] },
      );
    const result = run();
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
    expect(run()).toEqual(result);
  });
  it('stops on the bound when the minimum is outside the box, and survives NaN', () => {
    const f = (v: number[]) => (v[0]! < -1 ? Number.NaN : (v[0]! - 10) ** 2 + (v[1]! + 10) ** 2);
    const result = minimize(f, [[0, 0]], { lower: [-3, -3], upper: [3, 3] });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 6);
    expect(result.x[1]).toBeCloseTo(-3, 6);
  });
});
