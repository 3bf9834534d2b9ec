import { useQuery } from '@tanstack/react-query';
import { customerStatsSchema } from '../../../../contracts/purchases';
import { apiRequest } from '../../../lib/api-client';
import { statsKey } from './keys';

/** Lifetime spend, visits, last visit and visit frequency (visits per month over 6 and 12 months). */
export function useCustomerStats(customerId: string) {
  return useQuery({
    queryKey: statsKey(customerId),
    queryFn: ({ signal }) => apiRequest(customerStatsSchema, `/api/customers/${customerId}/stats`, { signal }),
  });
}
