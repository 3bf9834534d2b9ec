import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { productSchema } from '../../../../contracts/purchases';
import { apiRequest } from '../../../lib/api-client';
import { PURCHASES_KEY } from './keys';

const listSchema = z.object({ items: z.array(productSchema) });

/** Catalogue entries whose style number starts with `prefix` (nothing is asked for an empty prefix). */
export function useProductSearch(prefix: string) {
  const styleNo = prefix.trim();
  return useQuery({
    queryKey: [...PURCHASES_KEY, 'products', styleNo],
    queryFn: ({ signal }) => apiRequest(listSchema, '/api/products', { signal, query: { styleNo, limit: 8 } }),
    enabled: styleNo.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
