import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { userSchema } from '../../../../contracts/org';
import { apiRequest } from '../../../lib/api-client';

const listSchema = z.object({ items: z.array(userSchema.pick({ id: true, displayName: true })) });

/** Colleagues in the store, to name the beautician; only managers may list accounts. */
export function useStoreStaff(storeId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', { storeId, includeInactive: false }, 'names'],
    queryFn: ({ signal }) => apiRequest(listSchema, '/api/users', { signal, query: { storeId } }),
    enabled,
    staleTime: 5 * 60_000,
  });
}
