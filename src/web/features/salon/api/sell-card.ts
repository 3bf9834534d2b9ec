import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { cardSchema, type sellCardBodySchema } from '../../../../contracts/salon';
import { apiRequest } from '../../../lib/api-client';
import { cardsKey } from './keys';

export function useSellCard(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof sellCardBodySchema>) =>
      apiRequest(cardSchema, `/api/customers/${customerId}/cards`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: cardsKey(customerId) }),
  });
}
