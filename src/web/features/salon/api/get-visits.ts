import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { visitSchema } from '../../../../contracts/salon';
import { apiRequest } from '../../../lib/api-client';
import { visitsKey } from './keys';

const listSchema = z.object({ items: z.array(visitSchema) });
export type Visit = z.infer<typeof visitSchema>;

/** Her salon visits with their care logs, newest first. */
export function useCustomerVisits(customerId: string) {
  return useQuery({
    queryKey: visitsKey(customerId),
    queryFn: ({ signal }) => apiRequest(listSchema, `/api/customers/${customerId}/visits`, { signal }),
  });
}
