import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { createRegionBodySchema, regionSchema, updateRegionBodySchema } from '../../../../contracts/org';
import { apiRequest } from '../../../lib/api-client';

export const REGIONS_KEY = ['regions'] as const;
const listSchema = z.object({ items: z.array(regionSchema) });

export function useRegions(enabled = true) {
  return useQuery({
    queryKey: REGIONS_KEY,
    queryFn: ({ signal }) => apiRequest(listSchema, '/api/regions', { signal }),
    enabled,
  });
}

export function useCreateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof createRegionBodySchema>) =>
      apiRequest(regionSchema, '/api/regions', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: REGIONS_KEY }),
  });
}

export function useUpdateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.output<typeof updateRegionBodySchema> }) =>
      apiRequest(regionSchema, `/api/regions/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: REGIONS_KEY }),
  });
}
