import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { cardSchema } from '../../../../contracts/salon';
import { apiRequest } from '../../../lib/api-client';
import { cardsKey } from './keys';

const listSchema = z.object({ items: z.array(cardSchema) });
export type PrepaidCard = z.infer<typeof cardSchema>;

/** Her prepaid cards (count cards and stored value) with balances and ledgers. */
export function useCustomerCards(customerId: string) {
  return useQuery({
    queryKey: cardsKey(customerId),
    queryFn: ({ signal }) => apiRequest(listSchema, `/api/customers/${customerId}/cards`, { signal }),
  });
}
