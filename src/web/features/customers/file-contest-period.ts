// The contest's periods ("files created or updated in …"), as store-local days from the store's today.
import { addDays, addMonths, partsOf, toDay } from '../../lib/days';

export const PERIODS = ['all', 'thisMonth', 'lastMonth', 'last90Days', 'thisYear', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export function periodDays(period: Period, today: string): { from: string; to: string } {
  const { year, month } = partsOf(today);
  const firstOfMonth = toDay(year, month, 1);
  switch (period) {
    case 'thisMonth':
      return { from: firstOfMonth, to: today };
    case 'lastMonth':
      return { from: addMonths(firstOfMonth, -1), to: addDays(firstOfMonth, -1) };
    case 'last90Days':
      return { from: addDays(today, -89), to: today };
    case 'thisYear':
      return { from: toDay(year, 1, 1), to: today };
    default:
      return { from: '', to: '' };
  }
}
