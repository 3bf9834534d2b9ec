// "How good is the model": the checks of Fader, Hardie and Lee (2005), figures 2–5, as chart data.
// The cohort is every customer whose first purchase is on or before the calibration end; time runs in
// periods of `unitDays` from the cohort's earliest first purchase (CDNOW: weeks 1–39 calibration,
// 40–78 hold-out). A period's expected figure is evaluated at its last day, as T is in the summary.
import { dayNumber, dateOfDay, purchaseDays, type Transaction } from './rfm-summary';
import { conditionalExpectedTransactions, expectedTransactions, probabilityOfCount, type BgNbdParams } from './bgnbd';

export type CalibrationOptions = {
  calibrationEnd: string;
  /** Last day of the hold-out period, inclusive. */
  holdoutEnd: string;
  unitDays?: number;
  /** Frequencies from this value up are pooled ('7+' by default). */
  pooledFrom?: number;
};

export type FrequencyRow = { repeats: string; actual: number; expected: number };
export type PeriodRow = {
  period: number;
  /** Last day of the period. */
  end: string;
  holdout: boolean;
  actual: number;
  expected: number;
  actualCumulative: number;
  expectedCumulative: number;
};
export type ConditionalRow = { repeats: string; customers: number; actualHoldout: number; expectedHoldout: number };
export type CalibrationReport = {
  customers: number;
  calibrationPeriods: number;
  /** Customers making 0, 1, …, 7+ repeat purchases in the calibration period: actual vs expected. */
  frequency: FrequencyRow[];
  /** Repeat transactions per period and cumulated, calibration then hold-out: actual vs expected. */
  periods: PeriodRow[];
  /** Mean hold-out repeat transactions by calibration frequency: actual vs E[Y(t) | x, t_x, T]. */
  conditional: ConditionalRow[];
};

export function calibrationReport(
  transactions: readonly Transaction[],
  params: BgNbdParams,
  options: CalibrationOptions,
): CalibrationReport {
  const unit = options.unitDays ?? 7;
  const pooled = options.pooledFrom ?? 7;
  const calEnd = dayNumber(options.calibrationEnd);
  const holdEnd = dayNumber(options.holdoutEnd);
  if (holdEnd < calEnd) throw new RangeError('holdoutEnd is before calibrationEnd');
  const label = (k: number): string => (k >= pooled ? `${pooled}+` : String(k));
  const cohort = [...purchaseDays(transactions).entries()].filter(([, days]) => days[0]!.day <= calEnd);
  const start = Math.min(...cohort.map(([, days]) => days[0]!.day));
  const periods = Math.ceil((holdEnd - start + 1) / unit);
  const calibrationPeriods = Math.ceil((calEnd - start + 1) / unit);

  const actualByPeriod = new Array<number>(periods).fill(0);
  const firstDayCount = new Map<number, number>();
  const frequencyActual = new Array<number>(pooled + 1).fill(0);
  const conditional = Array.from({ length: pooled + 1 }, () => ({ customers: 0, actual: 0, expected: 0 }));
  const holdLength = (holdEnd - calEnd) / unit;
  for (const [, days] of cohort) {
    const first = days[0]!.day;
    firstDayCount.set(first, (firstDayCount.get(first) ?? 0) + 1);
    let x = 0;
    let last = first;
    let holdout = 0;
    for (const { day } of days.slice(1)) {
      if (day > holdEnd) break;
      actualByPeriod[Math.floor((day - start) / unit)]!++;
      if (day <= calEnd) {
        x++;
        last = day;
      } else holdout++;
    }
    const k = Math.min(x, pooled);
    frequencyActual[k]!++;
    const c = conditional[k]!;
    c.customers++;
    c.actual += holdout;
    const summary = { x, tx: (last - first) / unit, T: (calEnd - first) / unit };
    c.expected += conditionalExpectedTransactions(params, summary, holdLength);
  }

  // expected frequency table: Σ over customers of P(X(T_i) = k), customers grouped by first day
  const frequencyExpected = new Array<number>(pooled + 1).fill(0);
  for (const [first, count] of firstDayCount) {
    const T = (calEnd - first) / unit;
    let below = 0;
    for (let k = 0; k < pooled; k++) {
      const pk = probabilityOfCount(params, T, k);
      frequencyExpected[k]! += count * pk;
      below += pk;
    }
    frequencyExpected[pooled]! += count * Math.max(0, 1 - below);
  }

  // E[X(t)] depends only on the days between first purchase and period end: compute each once
  const cache = new Map<number, number>();
  const expectedAfter = (days: number): number => {
    let v = cache.get(days);
    if (v === undefined) cache.set(days, (v = expectedTransactions(params, days / unit)));
    return v;
  };
  const rows: PeriodRow[] = [];
  let actualCumulative = 0;
  let expectedPrevious = 0;
  for (let k = 1; k <= periods; k++) {
    const endDay = Math.min(start + k * unit - 1, holdEnd);
    let expectedCumulative = 0;
    for (const [first, count] of firstDayCount) {
      if (first < endDay) expectedCumulative += count * expectedAfter(endDay - first);
    }
    actualCumulative += actualByPeriod[k - 1]!;
    rows.push({
      period: k,
      end: dateOfDay(endDay),
      holdout: k > calibrationPeriods,
      actual: actualByPeriod[k - 1]!,
      expected: expectedCumulative - expectedPrevious,
      actualCumulative,
      expectedCumulative,
    });
    expectedPrevious = expectedCumulative;
  }

  return {
    customers: cohort.length,
    calibrationPeriods,
    frequency: frequencyActual.map((actual, k) => ({ repeats: label(k), actual, expected: frequencyExpected[k]! })),
    periods: rows,
    conditional: conditional.map((c, k) => ({
      repeats: label(k),
      customers: c.customers,
      actualHoldout: c.customers === 0 ? 0 : c.actual / c.customers,
      expectedHoldout: c.customers === 0 ? 0 : c.expected / c.customers,
    })),
  };
}
