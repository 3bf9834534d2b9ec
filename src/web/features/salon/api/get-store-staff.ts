import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { colleagueSchema } from '../../../../contracts/org';
import { apiRequest } from '../../../lib/api-client';

const listSchema = z.object({ items: z.array(colleagueSchema) });

/** Colleagues in the store (names only), to name the beautician who served; open to every role. */
export function useStoreStaff(storeId: string) {
  return useQuery({
    queryKey: ['stores', storeId, 'colleagues'],
    queryFn: ({ signal }) => apiRequest(listSchema, `/api/stores/${storeId}/colleagues`, { signal }),
    staleTime: 5 * 60_000,
  });
}
