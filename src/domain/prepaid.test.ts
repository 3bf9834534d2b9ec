import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOf, checkEntry, type LedgerEntry } from './prepaid';

const issue10: LedgerEntry = { entry: 'issue', countDelta: 10, valueDelta: 0 };
const redeem1: LedgerEntry = { entry: 'redeem', countDelta: -1, valueDelta: 0 };

describe('prepaid card ledger', () => {
  it('counts down a 10-facial card and refuses the eleventh', () => {
    const entries = [issue10, ...Array.from({ length: 10 }, () => redeem1)];
    expect(balanceOf(entries)).toEqual({ count: 0, value: 0 });
    expect(checkEntry('count', balanceOf(entries), redeem1, null, '2026-11-22')).toBe('insufficient_balance');
  });

  it('refuses redemption after expiry and of the wrong kind', () => {
    expect(checkEntry('count', { count: 5, value: 0 }, redeem1, '2026-10-31', '2026-11-01')).toBe('expired');
    expect(checkEntry('count', { count: 5, value: 0 }, redeem1, '2026-10-31', '2026-10-31')).toBeNull();
    expect(checkEntry('value', { count: 0, value: 50_000 }, redeem1, null, '2026-11-01')).toBe('wrong_kind');
  });

  it('keeps the balance equal to the sum of accepted entries and never below zero, whatever is attempted', () => {
    const entry = fc.record({
      entry: fc.constantFrom('issue', 'redeem', 'adjust', 'refund'),
      countDelta: fc.integer({ min: -5, max: 5 }),
      valueDelta: fc.constant(0),
    }) as fc.Arbitrary<LedgerEntry>;
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), (attempts) => {
        const accepted: LedgerEntry[] = [issue10];
        let running = 10;
        for (const e of attempts) {
          if (checkEntry('count', balanceOf(accepted), e, null, '2026-11-22') === null) {
            accepted.push(e);
            running += e.countDelta;
          }
          expect(balanceOf(accepted).count).toBe(running);
          expect(running).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});
