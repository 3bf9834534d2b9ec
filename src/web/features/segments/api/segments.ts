import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { customerListItemSchema } from '../../../../contracts/customers';
import { pageSchema } from '../../../../contracts/common';
import {
  previewSchema,
  segmentListItemSchema,
  segmentOptionsSchema,
  segmentSchema,
  type SegmentDefinition,
} from '../../../../contracts/segments';
import { apiRequest } from '../../../lib/api-client';

export const SEGMENTS_KEY = ['segments'] as const;

export function useSegmentOptions() {
  return useQuery({
    queryKey: [...SEGMENTS_KEY, 'options'],
    queryFn: ({ signal }) => apiRequest(segmentOptionsSchema, '/api/segments/options', { signal }),
    staleTime: 60_000,
  });
}

/** The live count and sample; callers pass an already debounced definition. */
export function useSegmentPreview(definition: SegmentDefinition, storeId: string | null) {
  return useQuery({
    queryKey: [...SEGMENTS_KEY, 'preview', definition, storeId],
    queryFn: ({ signal }) =>
      apiRequest(previewSchema, '/api/segments/preview', {
        method: 'POST',
        body: { definition, storeId },
        signal,
      }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSegments() {
  return useQuery({
    queryKey: [...SEGMENTS_KEY, 'list'],
    queryFn: ({ signal }) =>
      apiRequest(z.object({ items: z.array(segmentListItemSchema) }), '/api/segments', {
        signal,
        query: { withCounts: true },
      }),
  });
}

export function useSegment(id: string) {
  return useQuery({
    queryKey: [...SEGMENTS_KEY, 'one', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => apiRequest(segmentSchema, `/api/segments/${id}`, { signal }),
  });
}

const customersPage = pageSchema(customerListItemSchema).extend({ count: z.number().int() });

export function useSegmentCustomers(id: string) {
  return useInfiniteQuery({
    queryKey: [...SEGMENTS_KEY, 'customers', id],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(customersPage, `/api/segments/${id}/customers`, { signal, query: { cursor: pageParam, limit: 50 } }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export type SaveSegment = { id?: string; name: string; definition: SegmentDefinition; storeId: string | null };

export function useSaveSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SaveSegment) =>
      apiRequest(segmentSchema, id ? `/api/segments/${id}` : '/api/segments', {
        method: id ? 'PATCH' : 'POST',
        body,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SEGMENTS_KEY }),
  });
}

export function useDeleteSegment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(z.object({ ok: z.literal(true) }), `/api/segments/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SEGMENTS_KEY }),
  });
}

export const segmentExportUrl = (id: string, format: 'csv' | 'xlsx') => `/api/segments/${id}/export?format=${format}`;
