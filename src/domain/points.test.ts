import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  balanceOf,
  checkAdjust,
  checkRedeem,
  earnPoints,
  expiredPoints,
  reversalPoints,
  type PointsEntry,
} from './points';

describe('earning', () => {
  it.each([
    ['1 point per yuan', 449_800, 100, 1, [], 4498],
    ['rounded down, once, on the receipt', 12_345, 100, 1, [], 123],
    ['gold multiplier 1.2', 100_000, 100, 1.2, [], 1200],
    ['campaign double points on top of the tier', 100_000, 100, 1.5, [2], 3000],
    ['1.1 × 1.1 is 1.21 exactly, not 1.2099…', 10_000, 1, 1.1, [1.1], 12_100],
    ['yen: 1 point per ¥100', 38_000, 100, 1, [], 380],
    ['a return earns nothing', -50_000, 100, 2, [], 0],
  ])('%s', (_, paid, unit, tier, campaigns, expected) => {
    expect(earnPoints(paid, unit, tier, campaigns)).toBe(expected);
  });

  it('never overflows on large receipts', () => {
    expect(earnPoints(90_000_000_000, 1, 2.5, [3, 1.25])).toBe(843_750_000_000);
  });
});

describe('reversal on return', () => {
  it('takes back points in proportion to the refund, exactly all of them on a full refund', () => {
    const base = { earned: 1000, paid: 300_000, refundedBefore: 0, reversedBefore: 0 };
    expect(reversalPoints({ ...base, refundedNow: 100_000 })).toBe(333);
    expect(reversalPoints({ ...base, refundedBefore: 100_000, reversedBefore: 333, refundedNow: 100_000 })).toBe(334);
    expect(reversalPoints({ ...base, refundedBefore: 200_000, reversedBefore: 667, refundedNow: 100_000 })).toBe(333);
    expect(reversalPoints({ ...base, refundedNow: 999_999 })).toBe(1000);
    expect(reversalPoints({ ...base, earned: 0, refundedNow: 100_000 })).toBe(0);
  });

  it('over any split of a full refund, the reversals add up to what was earned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }),
        (earned, paid, weights) => {
          const total = weights.reduce((s, w) => s + w, 0);
          let refunded = 0;
          let reversed = 0;
          weights.forEach((w, i) => {
            const now = i === weights.length - 1 ? paid - refunded : Math.floor((paid * w) / total);
            const r = reversalPoints({
              earned,
              paid,
              refundedBefore: refunded,
              refundedNow: now,
              reversedBefore: reversed,
            });
            expect(r).toBeGreaterThanOrEqual(0);
            refunded += now;
            reversed += r;
          });
          expect(reversed).toBe(earned);
        },
      ),
    );
  });
});

describe('expiry', () => {
  it('adds months, clamping to the month end', () => {
    expect(addMonths('2026-01-31T10:00:00.000Z', 1)).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths('2026-03-15T00:00:00.000Z', 24)).toBe('2028-03-15T00:00:00.000Z');
  });

  it('expires the oldest unused points first (FIFO)', () => {
    const entries: PointsEntry[] = [
      { kind: 'earn', points: 100, at: '2025-01-10T00:00:00Z', expiresAt: '2026-01-10T00:00:00Z' },
      { kind: 'earn', points: 50, at: '2025-06-10T00:00:00Z', expiresAt: '2026-06-10T00:00:00Z' },
      { kind: 'redeem', points: -30, at: '2025-07-01T00:00:00Z' },
    ];
    expect(expiredPoints(entries, '2025-12-31T00:00:00Z')).toBe(0);
    expect(expiredPoints(entries, '2026-01-10T00:00:00Z')).toBe(70); // 100 earned − 30 redeemed from that lot
    const after = [...entries, { kind: 'expire' as const, points: -70, at: '2026-01-10T00:00:01Z' }];
    expect(expiredPoints(after, '2026-01-11T00:00:00Z')).toBe(0); // idempotent
    expect(expiredPoints(after, '2026-06-10T00:00:00Z')).toBe(50);
  });
});

describe('checks', () => {
  it('refuses redeeming more than the balance, or nothing', () => {
    expect(checkRedeem(100, 100)).toBeNull();
    expect(checkRedeem(100, 101)).toBe('insufficient_points');
    expect(checkRedeem(100, 0)).toBe('not_positive');
    expect(checkRedeem(100, 1.5)).toBe('not_positive');
  });
  it('adjusting needs a reason and never goes below zero', () => {
    expect(checkAdjust(10, -10, 'goodwill')).toBeNull();
    expect(checkAdjust(10, -11, 'goodwill')).toBe('would_go_negative');
    expect(checkAdjust(10, 5, ' ')).toBe('reason_required');
    expect(checkAdjust(10, 0, 'x')).toBe('not_positive');
  });
});

// A reference model of the ledger with explicit lots: every deduction takes from the oldest lot.
type Op =
  | { op: 'earn'; paid: number; mult: number }
  | { op: 'redeem'; points: number }
  | { op: 'adjust'; points: number }
  | { op: 'return'; of: number; share: number }
  | { op: 'expire' }
  | { op: 'wait'; days: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('earn' as const),
    paid: fc.integer({ min: 0, max: 500_000 }),
    mult: fc.constantFrom(1, 1.2, 1.5, 2),
  }),
  fc.record({ op: fc.constant('redeem' as const), points: fc.integer({ min: -5, max: 3000 }) }),
  fc.record({ op: fc.constant('adjust' as const), points: fc.integer({ min: -3000, max: 3000 }) }),
  fc.record({ op: fc.constant('return' as const), of: fc.nat(20), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ op: fc.constant('expire' as const) }),
  fc.record({ op: fc.constant('wait' as const), days: fc.integer({ min: 1, max: 200 }) }),
);

describe('the ledger, through any sequence of earn / redeem / adjust / return / expire', () => {
  it('has a balance equal to the sum of its entries, never negative, and expires exactly the oldest unused points', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const ledger: PointsEntry[] = [];
        const sales: Array<{ paid: number; earned: number; refunded: number; reversed: number }> = [];
        const lots: Array<{ left: number; expiresAt: string }> = []; // the reference model
        let now = Date.parse('2025-01-01T00:00:00Z');
        let tick = 0;
        const at = () => new Date(now + tick++).toISOString();
        const take = (n: number) => {
          for (const l of lots) {
            const d = Math.min(l.left, n);
            l.left -= d;
            n -= d;
          }
        };
        const write = (kind: PointsEntry['kind'], points: number) => {
          const when = at();
          const expiresAt = points > 0 ? addMonths(when, 12) : null;
          ledger.push({ kind, points, at: when, expiresAt });
          if (points > 0) lots.push({ left: points, expiresAt: expiresAt! });
          else take(-points);
        };
        for (const o of ops) {
          const balance = balanceOf(ledger);
          if (o.op === 'earn') {
            const p = earnPoints(o.paid, 100, o.mult, []);
            sales.push({ paid: o.paid, earned: p, refunded: 0, reversed: 0 });
            if (p > 0) write('earn', p);
          } else if (o.op === 'redeem') {
            if (checkRedeem(balance, o.points) === null) write('redeem', -o.points);
          } else if (o.op === 'adjust') {
            if (checkAdjust(balance, o.points, 'test') === null) write('adjust', o.points);
          } else if (o.op === 'return') {
            const s = sales[o.of % Math.max(1, sales.length)];
            if (!s || s.refunded >= s.paid) continue;
            const now = Math.min(s.paid - s.refunded, Math.ceil((s.paid * o.share) / 100));
            const due = reversalPoints({
              earned: s.earned,
              paid: s.paid,
              refundedBefore: s.refunded,
              refundedNow: now,
              reversedBefore: s.reversed,
            });
            const r = Math.min(due, balance);
            s.refunded += now;
            s.reversed += due; // what was due is settled even if her balance could not cover it all
            if (r > 0) write('reverse', -r);
          } else if (o.op === 'expire') {
            const asOf = new Date(now).toISOString();
            const due = expiredPoints(ledger, asOf);
            const model = lots.filter((l) => l.expiresAt <= asOf).reduce((s, l) => s + l.left, 0);
            expect(due).toBe(model);
            if (due > 0) write('expire', -due);
            expect(expiredPoints(ledger, asOf)).toBe(0);
          } else {
            now += o.days * 86_400_000;
          }
          const b = balanceOf(ledger);
          expect(b).toBe(ledger.reduce((s, e) => s + e.points, 0));
          expect(b).toBe(lots.reduce((s, l) => s + l.left, 0));
          expect(b).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
