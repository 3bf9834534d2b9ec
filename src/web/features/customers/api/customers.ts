import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  consentInputSchema,
  createCustomerBodySchema,
  customerListItemSchema,
  customerSchema,
  duplicateCandidateSchema,
  historyItemSchema,
  timelineItemSchema,
  updateCustomerBodySchema,
} from '../../../../contracts/customers';
import { questionBankSchema } from '../../../../contracts/custom-fields';
import { apiRequest } from '../../../lib/api-client';

export const CUSTOMERS_KEY = ['customers'] as const;
const pageSchema = z.object({ items: z.array(customerListItemSchema), nextCursor: z.string().nullable() });

export type CustomerFilter = { q: string; storeId: string | null; ownerUserId: string | null };

export function useCustomerSearch(filter: CustomerFilter) {
  return useInfiniteQuery({
    queryKey: [...CUSTOMERS_KEY, 'list', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(pageSchema, '/api/customers', {
        signal,
        query: {
          q: filter.q.trim() || undefined,
          storeId: filter.storeId,
          ownerUserId: filter.ownerUserId,
          cursor: pageParam,
          limit: 20,
        },
      }),
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'one', id],
    queryFn: ({ signal }) => apiRequest(customerSchema, `/api/customers/${id}`, { signal }),
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'timeline', id],
    queryFn: ({ signal }) =>
      apiRequest(z.object({ items: z.array(timelineItemSchema) }), `/api/customers/${id}/timeline`, { signal }),
  });
}

export function useHistory(id: string, field: string | null) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'history', id, field],
    enabled: field !== null,
    queryFn: ({ signal }) =>
      apiRequest(z.object({ items: z.array(historyItemSchema) }), `/api/customers/${id}/history`, {
        signal,
        query: { field },
      }),
  });
}

export function useDuplicates(probe: { phone?: string; email?: string; memberNo?: string; storeId?: string }) {
  const active = Boolean(
    (probe.phone && probe.phone.replace(/\D/g, '').length >= 7) ||
    (probe.email && probe.email.includes('@')) ||
    probe.memberNo,
  );
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'duplicates', probe],
    enabled: active,
    queryFn: ({ signal }) =>
      apiRequest(z.object({ items: z.array(duplicateCandidateSchema) }), '/api/customers/duplicates', {
        signal,
        query: probe,
      }),
  });
}

export const QUESTION_BANK_KEY = ['question-bank'] as const;

/** The question bank; with `includeInactive`, retired questions too (their answers are still shown). */
export function useQuestionBank(includeInactive = false) {
  return useQuery({
    queryKey: [...QUESTION_BANK_KEY, { includeInactive }],
    queryFn: ({ signal }) =>
      apiRequest(questionBankSchema, '/api/custom-fields', { signal, query: { includeInactive } }),
    staleTime: 5 * 60_000,
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: CUSTOMERS_KEY });
}

export function useCreateCustomer() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof createCustomerBodySchema>) =>
      apiRequest(customerSchema, '/api/customers', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomer(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof updateCustomerBodySchema>) =>
      apiRequest(customerSchema, `/api/customers/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useReveal(id: string) {
  return useMutation({
    mutationFn: (body: { field: 'phone' | 'email'; phoneId?: string }) =>
      apiRequest(z.object({ field: z.enum(['phone', 'email']), value: z.string() }), `/api/customers/${id}/reveal`, {
        method: 'POST',
        body,
      }),
  });
}

export function useRecordConsent(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof consentInputSchema>) =>
      apiRequest(customerSchema, `/api/customers/${id}/consents`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSetFlags(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { isDeceased?: boolean; doNotContact?: boolean }) =>
      apiRequest(customerSchema, `/api/customers/${id}/flags`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useAddNote(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { body: string }) =>
      apiRequest(z.object({ ok: z.literal(true) }), `/api/customers/${id}/notes`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useErase(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest(customerSchema, `/api/customers/${id}/erase`, { method: 'POST', body: { confirm: true, reason } }),
    onSuccess: invalidate,
  });
}

const previewSchema = z.object({
  fields: z.array(z.object({ field: z.string(), survivor: z.unknown(), other: z.unknown(), differs: z.boolean() })),
  phones: z.object({ survivor: z.array(z.string()), other: z.array(z.string()) }),
});

export function useMergePreview(id: string, otherId: string | null) {
  return useQuery({
    queryKey: [...CUSTOMERS_KEY, 'merge', id, otherId],
    enabled: otherId !== null,
    queryFn: ({ signal }) =>
      apiRequest(previewSchema, `/api/customers/${id}/merge-preview`, { signal, query: { otherId } }),
  });
}

export function useMerge(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { otherId: string; take: Record<string, 'survivor' | 'other'> }) =>
      apiRequest(customerSchema, `/api/customers/${id}/merge`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** Downloads her data as a JSON file (the request is audited on the server). */
export async function downloadCustomerData(id: string, name: string) {
  const data = await apiRequest(z.record(z.string(), z.unknown()), `/api/customers/${id}/export`);
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `customer-${name}-${id.slice(0, 8)}.json`;
  a.click();
  URL.revokeObjectURL(a.href);
}
