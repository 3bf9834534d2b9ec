import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { cardSchema, type adjustCardBodySchema } from '../../../../contracts/salon';
import { apiRequest } from '../../../lib/api-client';
import { cardsKey } from './keys';

/** Managers correct a balance, always with the reason. */
export function useAdjustCard(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ cardId, body }: { cardId: string; body: z.input<typeof adjustCardBodySchema> }) =>
      apiRequest(cardSchema, `/api/cards/${cardId}/adjust`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: cardsKey(customerId) }),
  });
}
