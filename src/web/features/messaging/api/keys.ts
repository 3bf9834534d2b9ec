// Query keys of the messaging feature. Recording a contact or queueing a message also makes her
// timeline stale (the customer feature's keys start with 'customers' and include her id).
import type { QueryClient } from '@tanstack/react-query';
import { invalidateCustomer } from '../../purchases/api/keys';

export const MESSAGING_KEY = ['messaging'] as const;
export const contactsKey = (customerId: string) => [...MESSAGING_KEY, 'contacts', customerId] as const;
export const messagesKey = (customerId: string) => [...MESSAGING_KEY, 'messages', customerId] as const;
export const OUTBOX_KEY = [...MESSAGING_KEY, 'outbox'] as const;
export const STATS_KEY = [...MESSAGING_KEY, 'stats'] as const;
export const CONTACT_LOG_KEY = [...MESSAGING_KEY, 'log'] as const;

/** Everything that shows her contacts or messages: this feature's lists and her timeline. */
export async function invalidateHerContacts(qc: QueryClient, customerId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: contactsKey(customerId) }),
    qc.invalidateQueries({ queryKey: messagesKey(customerId) }),
    qc.invalidateQueries({ queryKey: STATS_KEY }),
    qc.invalidateQueries({ queryKey: CONTACT_LOG_KEY }),
    invalidateCustomer(qc, customerId),
  ]);
}
