import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageSchema } from '../../../../contracts/common';
import { contactSchema, type Contact, type CreateContactInput } from '../../../../contracts/messaging';
import { apiRequest } from '../../../lib/api-client';
import { CONTACT_LOG_KEY, contactsKey, invalidateHerContacts } from './keys';

const page = pageSchema(contactSchema);
export type { Contact };

/** Her contacts, newest first, a page at a time. */
export function useCustomerContacts(customerId: string) {
  return useInfiniteQuery({
    queryKey: contactsKey(customerId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(page, `/api/customers/${customerId}/contacts`, { signal, query: { cursor: pageParam, limit: 20 } }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Records a contact (after a call, a message from the guide's phone, a visit or a letter). */
export function useRecordContact(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContactInput) =>
      apiRequest(contactSchema, `/api/customers/${customerId}/contacts`, { method: 'POST', body }),
    onSuccess: () => invalidateHerContacts(qc, customerId),
  });
}

export type ContactLogFilter = { from: string; to: string; storeId: string | null };

/** Managers: who contacted whom, when and how, in their stores. */
export function useContactLog(filter: ContactLogFilter, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...CONTACT_LOG_KEY, filter],
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(page, '/api/contacts', {
        signal,
        query: { ...filter, cursor: pageParam, limit: 30 },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * Her phone number for a link the guide has just tapped, through the audited reveal (the reason names
 * the channel). Never cached: the caller keeps it only while the contact sheet is open.
 */
export async function revealNumberForLink(customerId: string, phoneId: string, channel: string): Promise<string> {
  const res = await apiRequest(
    z.object({ field: z.enum(['phone', 'email']), value: z.string() }),
    `/api/customers/${customerId}/reveal`,
    { method: 'POST', body: { field: 'phone', phoneId, reason: `contact link: ${channel}` } },
  );
  return res.value;
}
