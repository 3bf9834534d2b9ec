import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, rfmSummary, type Transaction } from './rfm-summary';
import { calibrationReport } from './calibration';

const t = (customerId: string, date: string, amount: number): Transaction => ({ customerId, date, amount });

describe('rfmSummary', () => {
  const data = [
    t('a', '2024-01-01', 100),
    t('a', '2024-01-01', 20), // same day: one transaction
    t('a', '2024-01-15', 30),
    t('a', '2024-01-15', 10),
    t('a', '2024-01-29', 0),
    t('a', '2024-03-01', 999), // after the calibration end: hold-out
    t('b', '2024-01-08', 50),
    t('c', '2024-02-10', 70), // first purchase after the end: not in the cohort
  ];
  const rows = rfmSummary(data, { calibrationEnd: '2024-02-05' });

  it('counts repeat purchase days, in weeks from the first purchase', () => {
    expect(rows.map((r) => r.customerId)).toEqual(['a', 'b']);
    const [a, b] = rows;
    expect(a).toMatchObject({ x: 2, tx: 4, T: 5, monetary: 20, repeatValues: [40, 0] });
    expect(b).toMatchObject({ x: 0, tx: 0, T: 4, monetary: 0, repeatValues: [] });
  });

  it('supports other units', () => {
    const days = rfmSummary(data, { calibrationEnd: '2024-02-05', unitDays: 1 });
    expect(days[0]).toMatchObject({ tx: 28, T: 35 });
  });

  it('parses dates strictly', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('19970101')).toBe(dayNumber('1997-01-01'));
    expect(dateOfDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(() => dayNumber('2023-02-29')).toThrow(RangeError);
    expect(() => dayNumber('1.1.2024')).toThrow(RangeError);
  });

  it('treats a non-finite amount as a visit without value', () => {
    const [row] = rfmSummary([t('x', '2024-01-01', 5), t('x', '2024-01-02', Number.NaN)], {
      calibrationEnd: '2024-01-31',
      unitDays: 1,
    });
    expect(row).toMatchObject({ x: 1, repeatValues: [0] });
  });
});

describe('calibrationReport on a tiny cohort', () => {
  it('counts actual repeat transactions per period and in the hold-out', () => {
    const data = [
      t('a', '2024-01-01', 1),
      t('a', '2024-01-03', 1),
      t('a', '2024-01-10', 1),
      t('a', '2024-01-20', 1), // hold-out
      t('b', '2024-01-05', 1),
      t('b', '2024-01-22', 1), // hold-out
      t('c', '2024-01-16', 1), // joins after the calibration end: outside the cohort
    ];
    const report = calibrationReport(
      data,
      { r: 1, alpha: 5, a: 1, b: 3 },
      { calibrationEnd: '2024-01-14', holdoutEnd: '2024-01-28' },
    );
    expect(report.customers).toBe(2);
    expect(report.calibrationPeriods).toBe(2);
    expect(report.periods.map((p) => p.actual)).toEqual([1, 1, 1, 1]);
    expect(report.periods.map((p) => p.actualCumulative)).toEqual([1, 2, 3, 4]);
    expect(report.periods.map((p) => p.holdout)).toEqual([false, false, true, true]);
    expect(report.frequency.slice(0, 3).map((f) => f.actual)).toEqual([1, 0, 1]);
    expect(report.frequency.reduce((s, f) => s + f.expected, 0)).toBeCloseTo(2, 10);
    expect(report.conditional[2]).toMatchObject({ customers: 1, actualHoldout: 1 });
    for (let i = 1; i < report.periods.length; i++) {
      expect(report.periods[i]!.expectedCumulative).toBeGreaterThanOrEqual(report.periods[i - 1]!.expectedCumulative);
    }
  });
});
