import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageSchema } from '../../../../contracts/common';
import {
  enqueueResultSchema,
  outboxDetailSchema,
  outboxMessageSchema,
  type EnqueueMessageInput,
  type OutboxMessage,
} from '../../../../contracts/messaging';
import { apiRequest } from '../../../lib/api-client';
import { invalidateHerContacts, messagesKey, OUTBOX_KEY } from './keys';

const page = pageSchema(outboxMessageSchema);
export type { OutboxMessage };
export type OutboxFilter = 'pending' | 'failed' | 'sent' | 'cancelled';

/** Queues an e-mail or SMS; the idempotency key keeps a double tap from sending twice. */
export function useEnqueueMessage(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnqueueMessageInput) => apiRequest(enqueueResultSchema, '/api/outbox', { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([invalidateHerContacts(qc, customerId), qc.invalidateQueries({ queryKey: OUTBOX_KEY })]);
    },
  });
}

export function useCustomerMessages(customerId: string) {
  return useQuery({
    queryKey: messagesKey(customerId),
    queryFn: ({ signal }) =>
      apiRequest(page, `/api/customers/${customerId}/messages`, { signal, query: { limit: 50 } }),
  });
}

export function useOutbox(status: OutboxFilter, storeId: string | null, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...OUTBOX_KEY, 'list', status, storeId],
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(page, '/api/outbox', { signal, query: { status, storeId, cursor: pageParam, limit: 30 } }),
    getNextPageParam: (last) => last.nextCursor,
    // Pending messages move on their own; keep the list current while someone watches it.
    refetchInterval: status === 'pending' ? 10_000 : false,
  });
}

export function useOutboxMessage(id: string | null) {
  return useQuery({
    queryKey: [...OUTBOX_KEY, 'one', id],
    enabled: id !== null,
    queryFn: ({ signal }) => apiRequest(outboxDetailSchema, `/api/outbox/${id}`, { signal }),
  });
}

export function useOutboxStatus() {
  return useQuery({
    queryKey: [...OUTBOX_KEY, 'status'],
    queryFn: ({ signal }) =>
      apiRequest(z.object({ email: z.boolean(), sms: z.boolean() }), '/api/outbox/status', { signal }),
    staleTime: 5 * 60_000,
  });
}

function useOutboxAct(act: 'retry' | 'cancel') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: OutboxMessage) =>
      apiRequest(z.object({ ok: z.literal(true) }), `/api/outbox/${m.id}/${act}`, { method: 'POST' }),
    onSuccess: async (_r, m) => {
      await Promise.all([qc.invalidateQueries({ queryKey: OUTBOX_KEY }), invalidateHerContacts(qc, m.customerId)]);
    },
  });
}

export const useRetryMessage = () => useOutboxAct('retry');
export const useCancelMessage = () => useOutboxAct('cancel');
