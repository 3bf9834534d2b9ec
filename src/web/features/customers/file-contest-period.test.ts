import { describe, expect, it } from 'vitest';
import { periodDays } from './file-contest-period';

describe('contest periods', () => {
  it.each([
    ['thisMonth', '2026-03-15', '2026-03-01', '2026-03-15'],
    ['lastMonth', '2026-03-15', '2026-02-01', '2026-02-28'],
    ['lastMonth', '2026-01-31', '2025-12-01', '2025-12-31'],
    ['last90Days', '2026-03-31', '2026-01-01', '2026-03-31'],
    ['thisYear', '2026-03-15', '2026-01-01', '2026-03-15'],
    ['all', '2026-03-15', '', ''],
  ] as const)('%s on %s is %s … %s', (period, today, from, to) => {
    expect(periodDays(period, today)).toEqual({ from, to });
  });
});
