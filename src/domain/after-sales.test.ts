import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRepair, DEFAULT_POLICIES, percentOf, validateBands, warrantyEnd, type RepairCase } from './after-sales';

const base: RepairCase = {
  purchasedOn: '2026-03-01',
  reportedOn: '2026-03-01',
  cause: 'quality',
  isRepairable: true,
  paidAmount: 129_900,
  policy: DEFAULT_POLICIES.textile,
};
const on = (days: number) => new Date(Date.UTC(2026, 2, 1) + days * 86_400_000).toISOString().slice(0, 10);

describe('warranty and repair rules (seed 001)', () => {
  it.each([
    // days, cause, repairable, rule, percent
    [3, 'quality', true, 'early_exchange_window', 0],
    [14, 'quality', false, 'early_exchange_window', 0],
    [15, 'quality', true, 'free_repair', 0],
    [20, 'quality', false, 'paid_exchange_depreciation', 5],
    [30, 'quality', false, 'paid_exchange_depreciation', 5],
    [31, 'quality', false, 'paid_exchange_depreciation', 10],
    [40, 'quality', false, 'paid_exchange_depreciation', 10],
    [60, 'quality', false, 'paid_exchange_depreciation', 10],
    [61, 'quality', false, 'paid_exchange_depreciation', 20],
    [90, 'quality', false, 'paid_exchange_depreciation', 20],
    [40, 'wear', true, 'paid_repair_wear', 0],
    [40, 'accident', false, 'paid_repair_wear', 0],
    [120, 'quality', true, 'paid_repair_out_of_warranty', 0],
  ] as const)('day %i, %s, repairable %s → %s (%i%%)', (days, cause, isRepairable, rule, percent) => {
    const a = assessRepair({ ...base, reportedOn: on(days), cause, isRepairable });
    expect(a.rule).toBe(rule);
    expect(a.depreciationPercent).toBe(percent);
    expect(a.depreciationCharge).toBe(percentOf(base.paidAmount, percent));
  });

  it('gives leather six months: a repairable quality fault at day 150 is still free', () => {
    expect(assessRepair({ ...base, reportedOn: on(150), policy: DEFAULT_POLICIES.leather }).rule).toBe('free_repair');
    expect(assessRepair({ ...base, reportedOn: on(150) }).rule).toBe('paid_repair_out_of_warranty');
  });

  it('charges 10% of 1,299.00 at day 40 when the item cannot be repaired', () => {
    expect(assessRepair({ ...base, reportedOn: on(40), isRepairable: false }).depreciationCharge).toBe(12_990);
  });

  it('ends warranties on the same day N months later, clamped to the month end', () => {
    expect(warrantyEnd('2026-03-01', 3)).toBe('2026-06-01');
    expect(warrantyEnd('2026-11-30', 3)).toBe('2027-02-28');
    expect(warrantyEnd('2027-11-30', 3)).toBe('2028-02-29');
  });

  it('rejects impossible dates and reports before purchase', () => {
    expect(() => assessRepair({ ...base, reportedOn: '2026-02-30' })).toThrow(RangeError);
    expect(() => assessRepair({ ...base, reportedOn: '2026-02-01' })).toThrow(RangeError);
  });

  it('never charges more than the depreciation percentage of what she paid, and never charges wear as free', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.constantFrom('quality', 'wear', 'accident', 'unknown'),
        fc.boolean(),
        fc.integer({ min: 0, max: 10_000_000 }),
        (days, cause, isRepairable, paid) => {
          const a = assessRepair({ ...base, reportedOn: on(days), cause, isRepairable, paidAmount: paid });
          expect(a.depreciationCharge).toBeGreaterThanOrEqual(0);
          expect(a.depreciationCharge).toBeLessThanOrEqual(Math.round(paid * 0.2));
          if (cause === 'wear' || cause === 'accident') expect(a.isFree).toBe(false);
          if (!a.isWithinWarranty) expect(a.isFree).toBe(false);
        },
      ),
    );
  });

  it('validates edited band tables', () => {
    expect(validateBands(DEFAULT_POLICIES.textile.depreciationBands)).toEqual([]);
    expect(
      validateBands([
        { fromDay: 0, toDay: 30, percent: 5 },
        { fromDay: 30, toDay: 60, percent: 120 },
      ]),
    ).toHaveLength(2);
  });
});
