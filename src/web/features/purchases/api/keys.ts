// Query keys of the purchases feature; other features invalidate these after a sale, a return or a visit.
import type { QueryClient } from '@tanstack/react-query';

export const PURCHASES_KEY = ['purchases'] as const;
export const receiptsKey = (customerId: string) => [...PURCHASES_KEY, 'receipts', customerId] as const;
export const statsKey = (customerId: string) => [...PURCHASES_KEY, 'stats', customerId] as const;
export const CATEGORIES_KEY = [...PURCHASES_KEY, 'categories'] as const;

/** Queries of this feature about one customer (the sale screen's header). */
export const customerKey = (customerId: string) => ['customers', customerId] as const;

/** The customer page's own queries about her (header, last visit, timeline) are stale once her history changes. */
export function invalidateCustomer(qc: QueryClient, customerId: string) {
  return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'customers' && q.queryKey.includes(customerId) });
}
