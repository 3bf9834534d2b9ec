import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiTokenSchema, createApiTokenBodySchema, createdApiTokenSchema } from '../../../../contracts/tokens';
import { apiRequest } from '../../../lib/api-client';

export const TOKENS_KEY = ['tokens'] as const;
const listSchema = z.object({ items: z.array(apiTokenSchema) });

export function useTokens(enabled = true) {
  return useQuery({
    queryKey: TOKENS_KEY,
    queryFn: ({ signal }) => apiRequest(listSchema, '/api/tokens', { signal }),
    enabled,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof createApiTokenBodySchema>) =>
      apiRequest(createdApiTokenSchema, '/api/tokens', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(apiTokenSchema, `/api/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
