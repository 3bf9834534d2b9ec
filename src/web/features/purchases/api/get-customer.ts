import { useQuery } from '@tanstack/react-query';
import { customerSchema } from '../../../../contracts/customers';
import { apiRequest } from '../../../lib/api-client';
import { customerKey } from './keys';

// Only what the sale screen needs, so a change elsewhere in the customer file does not break it.
const basicSchema = customerSchema.pick({ id: true, storeId: true, displayName: true, memberNo: true });

export function useCustomerBasics(customerId: string) {
  return useQuery({
    queryKey: [...customerKey(customerId), 'basics'],
    queryFn: ({ signal }) => apiRequest(basicSchema, `/api/customers/${customerId}`, { signal }),
  });
}
