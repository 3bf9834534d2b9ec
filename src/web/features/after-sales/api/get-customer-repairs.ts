import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { repairTicketSchema } from '../../../../contracts/after-sales';
import { apiRequest } from '../../../lib/api-client';
import { customerRepairsKey } from './keys';

const listSchema = z.object({ items: z.array(repairTicketSchema) });

export function useCustomerRepairs(customerId: string) {
  return useQuery({
    queryKey: customerRepairsKey(customerId),
    queryFn: ({ signal }) => apiRequest(listSchema, `/api/customers/${customerId}/repairs`, { signal }),
  });
}
