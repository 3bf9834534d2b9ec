// The CDNOW check of issue 5: fitted on weeks 1–39 of the 2,357-customer sample exactly as the papers do
// (../shared/data/cdnow/README.md), the models must reproduce the published estimates to their rounding.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, parseCdnow } from './cdnow';
import { rfmSummary } from './rfm-summary';
import { conditionalExpectedTransactions, fitBgNbd, probabilityAlive } from './bgnbd';
import { fitGammaGamma } from './gamma-gamma';
import { fitClv, scoreCustomers, spendOf } from './fit';
import { calibrationReport } from './calibration';

// A copy of the public CDNOW sample ships in test/fixtures/cdnow so the test runs on a fresh clone.
const sampleUrl = new URL('../../../test/fixtures/cdnow/CDNOW_sample.txt', import.meta.url);
const transactions = parseCdnow(readFileSync(sampleUrl, 'utf8'), 'sample');
const rows = rfmSummary(transactions, { calibrationEnd: CDNOW_CALIBRATION_END });

describe('CDNOW sample, calibration weeks 1–39', () => {
  it('derives the summary the literature uses', () => {
    expect(transactions).toHaveLength(6919);
    expect(rows).toHaveLength(2357);
    expect(rows.reduce((s, r) => s + r.x, 0)).toBe(2457);
    expect(rows.filter((r) => r.x > 0)).toHaveLength(946);
    const first = rows.find((r) => r.customerId === '0001')!;
    expect(first.x).toBe(2);
    expect(first.tx.toFixed(2)).toBe('30.43');
    expect(first.T.toFixed(2)).toBe('38.86');
  });

  it('BG/NBD matches Fader, Hardie and Lee (2005): r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4', () => {
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    expect(fit.r.toFixed(3)).toBe('0.243');
    expect(fit.alpha.toFixed(3)).toBe('4.414');
    expect(fit.a.toFixed(3)).toBe('0.793');
    expect(fit.b.toFixed(3)).toBe('2.426');
    expect(fit.loglik.toFixed(1)).toBe('-9582.4');
    expect(fit.atBounds).toEqual([]);
  });

  it('Gamma-Gamma matches Fader and Hardie (2013): p 6.25, q 3.74, γ 15.44', () => {
    const spend = rows.map((r) => spendOf(r, null)).filter((s) => s.x > 0);
    expect(spend).toHaveLength(946);
    const fit = fitGammaGamma(spend);
    expect(fit.converged).toBe(true);
    expect(fit.p.toFixed(2)).toBe('6.25');
    expect(fit.q.toFixed(2)).toBe('3.74');
    expect(fit.gamma.toFixed(2)).toBe('15.44');
  });

  it('fitClv gives the published figures without the outlier cap, and a capped spend fit by default', () => {
    const plain = fitClv(transactions, { calibrationEnd: CDNOW_CALIBRATION_END, spendCapQuantile: null });
    if (plain.status !== 'ok') throw new Error(`expected a fit, got ${plain.reason}`);
    expect(plain.customers).toBe(2357);
    expect(plain.repeatCustomers).toBe(946);
    expect([plain.bgnbd.r, plain.bgnbd.alpha, plain.bgnbd.a, plain.bgnbd.b].map((v) => v.toFixed(3))).toEqual([
      '0.243',
      '4.414',
      '0.793',
      '2.426',
    ]);
    expect([plain.gammagamma.p, plain.gammagamma.q, plain.gammagamma.gamma].map((v) => v.toFixed(2))).toEqual([
      '6.25',
      '3.74',
      '15.44',
    ]);
    const capped = fitClv(transactions, { calibrationEnd: CDNOW_CALIBRATION_END });
    if (capped.status !== 'ok') throw new Error('expected a fit');
    expect(capped.spendCap).toBeGreaterThan(200);
    expect(capped.bgnbd.loglik).toBe(plain.bgnbd.loglik);

    const scores = scoreCustomers(capped, rows, { annualDiscountRate: 0.1 });
    for (const s of scores) {
      for (const v of [s.pAlive, s.expected90, s.expected365, s.expectedSpend, s.value90, s.value365]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(s.pAlive).toBeGreaterThanOrEqual(0);
      expect(s.pAlive).toBeLessThanOrEqual(1);
      expect(s.expected365).toBeGreaterThanOrEqual(s.expected90);
    }
  });

  it('calibration vs hold-out: the frequency table and the 78-week curve track the data', () => {
    const fit = fitBgNbd(rows);
    const report = calibrationReport(transactions, fit, {
      calibrationEnd: CDNOW_CALIBRATION_END,
      holdoutEnd: CDNOW_HOLDOUT_END,
    });
    expect(report.customers).toBe(2357);
    expect(report.calibrationPeriods).toBe(39);
    expect(report.periods).toHaveLength(78);
    // figure 3 of the paper: customers making 0 … 7+ repeat purchases in weeks 1–39
    expect(report.frequency.map((f) => f.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(report.frequency.reduce((s, f) => s + f.expected, 0)).toBeCloseTo(2357, 6);
    for (const f of report.frequency) expect(Math.abs(f.expected - f.actual)).toBeLessThan(25);
    const week39 = report.periods[38]!;
    expect(week39.actualCumulative).toBe(2457);
    expect(Math.abs(week39.expectedCumulative / 2457 - 1)).toBeLessThan(0.03);
    const week78 = report.periods[77]!;
    expect(week78.holdout).toBe(true);
    expect(week78.end).toBe('1998-06-30');
    expect(Math.abs(week78.expectedCumulative / week78.actualCumulative - 1)).toBeLessThan(0.06);
    // conditional expectations (figure 5): E[Y(39) | x, t_x, T] against the hold-out
    const zero = report.conditional[0]!;
    expect(zero.expectedHoldout).toBeCloseTo(0.23, 1);
    expect(zero.actualHoldout).toBeCloseTo(0.24, 2);
  });

  it('per-customer predictions behave: P(alive) and E[Y(39)] for customer 0001 (x 2, t_x 30.43, T 38.86)', () => {
    const fit = fitBgNbd(rows);
    const c = rows.find((r) => r.customerId === '0001')!;
    expect(probabilityAlive(fit, c)).toBeCloseTo(0.727, 3);
    const y39 = conditionalExpectedTransactions(fit, c, 39);
    expect(y39).toBeGreaterThan(0.5);
    expect(y39).toBeLessThan(1.5);
  });
});
