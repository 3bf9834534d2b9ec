// Prepaid cards (seed 004): count-based packages (10 facials) and stored value. The balance is never
// stored: it is the sum of the card's ledger entries, and an entry that would take it below zero, or
// touch an expired card, is refused before it is written.

export type CardKind = 'count' | 'value';
export type LedgerEntryKind = 'issue' | 'redeem' | 'adjust' | 'expire' | 'refund';
export type LedgerEntry = { entry: LedgerEntryKind; countDelta: number; valueDelta: number };
export type Balance = { count: number; value: number };

export function balanceOf(entries: ReadonlyArray<Pick<LedgerEntry, 'countDelta' | 'valueDelta'>>): Balance {
  return entries.reduce((b, e) => ({ count: b.count + e.countDelta, value: b.value + e.valueDelta }), {
    count: 0,
    value: 0,
  });
}

export type EntryProblem = 'not_positive' | 'insufficient_balance' | 'expired' | 'wrong_kind';

/** Why an entry cannot be written, or null when it can. `today` and `expiresOn` are YYYY-MM-DD. */
export function checkEntry(
  kind: CardKind,
  balance: Balance,
  e: LedgerEntry,
  expiresOn: string | null,
  today: string,
): EntryProblem | null {
  if (e.entry === 'redeem') {
    if (expiresOn && today > expiresOn) return 'expired';
    if (kind === 'count' && e.valueDelta !== 0) return 'wrong_kind';
    if (kind === 'value' && e.countDelta !== 0) return 'wrong_kind';
    if (e.countDelta > 0 || e.valueDelta > 0 || (e.countDelta === 0 && e.valueDelta === 0)) return 'not_positive';
  }
  if (e.entry === 'issue' && (e.countDelta < 0 || e.valueDelta < 0)) return 'not_positive';
  if (balance.count + e.countDelta < 0 || balance.value + e.valueDelta < 0) return 'insufficient_balance';
  return null;
}
