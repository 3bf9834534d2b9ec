import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { receiptSchema } from '../../../../contracts/purchases';
import { apiRequest } from '../../../lib/api-client';
import { receiptsKey } from './keys';

const pageSchema = z.object({ items: z.array(receiptSchema), nextCursor: z.string().nullable() });

/** Her receipts, newest first, a page at a time. */
export function useCustomerReceipts(customerId: string) {
  return useInfiniteQuery({
    queryKey: receiptsKey(customerId),
    queryFn: ({ pageParam, signal }) =>
      apiRequest(pageSchema, '/api/purchases', { signal, query: { customerId, limit: 10, cursor: pageParam } }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
