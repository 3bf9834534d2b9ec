// Customer tags: the organisation's list (with how many of your customers carry each), a customer's
// tags, and the changes to both. Any change refreshes the segment builder's options too (it offers tags).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { tagSchema, type tagBodySchema } from '../../../../contracts/segments';
import { apiRequest } from '../../../lib/api-client';
import { SEGMENTS_KEY } from './segments';

export const TAGS_KEY = ['tags'] as const;
const ok = z.object({ ok: z.literal(true) });
const tagRefSchema = tagSchema.omit({ customers: true });
export type Tag = z.infer<typeof tagSchema>;
export type TagRef = z.infer<typeof tagRefSchema>;
export type TagBody = z.input<typeof tagBodySchema>;

export function useTags() {
  return useQuery({
    queryKey: [...TAGS_KEY, 'list'],
    queryFn: ({ signal }) => apiRequest(z.object({ items: z.array(tagSchema) }), '/api/tags', { signal }),
    staleTime: 30_000,
  });
}

export function useCustomerTags(customerId: string) {
  return useQuery({
    queryKey: [...TAGS_KEY, 'customer', customerId],
    queryFn: ({ signal }) =>
      apiRequest(z.object({ items: z.array(tagRefSchema) }), `/api/customers/${customerId}/tags`, { signal }),
  });
}

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: TAGS_KEY }),
      qc.invalidateQueries({ queryKey: [...SEGMENTS_KEY, 'options'] }),
    ]);
}

/** Creates a tag (no id) or renames / recolours one. */
export function useSaveTag() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<TagBody> }) =>
      apiRequest(tagSchema, id ? `/api/tags/${id}` : '/api/tags', { method: id ? 'PATCH' : 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDeleteTag() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => apiRequest(ok, `/api/tags/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

/** Puts a tag on her (`on`) or takes it off. */
export function useSetCustomerTag(customerId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ tagId, on }: { tagId: string; on: boolean }) =>
      apiRequest(ok, `/api/customers/${customerId}/tags/${tagId}`, { method: on ? 'PUT' : 'DELETE' }),
    onSuccess: refresh,
  });
}
