import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { createStoreBodySchema, storeSchema, updateStoreBodySchema } from '../../../../contracts/org';
import { apiRequest } from '../../../lib/api-client';
import { ME_KEY } from '../../auth/api/get-me';

export const STORES_KEY = ['stores'] as const;
const listSchema = z.object({ items: z.array(storeSchema) });

export function useStores() {
  return useQuery({ queryKey: STORES_KEY, queryFn: ({ signal }) => apiRequest(listSchema, '/api/stores', { signal }) });
}

function useStoreMutation<V>(fn: (v: V) => Promise<z.output<typeof storeSchema>>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // The header's store switcher and the home page read the store list from the session.
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: STORES_KEY }), qc.invalidateQueries({ queryKey: ME_KEY })]),
  });
}

export function useCreateStore() {
  return useStoreMutation((body: z.output<typeof createStoreBodySchema>) =>
    apiRequest(storeSchema, '/api/stores', { method: 'POST', body }),
  );
}

export function useUpdateStore() {
  return useStoreMutation(({ id, body }: { id: string; body: z.output<typeof updateStoreBodySchema> }) =>
    apiRequest(storeSchema, `/api/stores/${id}`, { method: 'PATCH', body }),
  );
}
