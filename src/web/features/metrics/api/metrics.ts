import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  classSettingsResponseSchema,
  customerMetricsSchema,
  recomputeResultSchema,
  worthPageSchema,
  type ClassSettings,
  type worthListQuerySchema,
} from '../../../../contracts/metrics';
import { apiRequest } from '../../../lib/api-client';

const KEY = ['metrics'] as const;
export type WorthQuery = Pick<z.input<typeof worthListQuerySchema>, 'sort' | 'order' | 'storeId' | 'lapse' | 'segment'>;

/** Her classes, stage, lapse and worth (the server computes her row on first sight). */
export function useCustomerMetrics(customerId: string) {
  return useQuery({
    queryKey: [...KEY, 'customer', customerId],
    queryFn: ({ signal }) => apiRequest(customerMetricsSchema, `/api/customers/${customerId}/metrics`, { signal }),
  });
}

/** Customers by worth, a page at a time. */
export function useWorthList(q: WorthQuery) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'worth', q],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(worthPageSchema, '/api/metrics/customers', { signal, query: { ...q, cursor: pageParam, limit: 30 } }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useClassSettings() {
  return useQuery({
    queryKey: [...KEY, 'settings'],
    queryFn: ({ signal }) => apiRequest(classSettingsResponseSchema, '/api/metrics/settings', { signal }),
  });
}

export function useSaveClassSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassSettings) =>
      apiRequest(classSettingsResponseSchema, '/api/metrics/settings', { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData([...KEY, 'settings'], data),
  });
}

export function useRecompute() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(recomputeResultSchema, '/api/metrics/recompute', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
