import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { visitSchema, type createVisitBodySchema } from '../../../../contracts/salon';
import { apiRequest } from '../../../lib/api-client';
import { invalidateCustomer, statsKey } from '../../purchases/api/keys';
import { cardsKey, visitsKey } from './keys';

/** Records a visit with its care log; redeeming from cards changes their balances and her visit count. */
export function useRecordVisit(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createVisitBodySchema>) =>
      apiRequest(visitSchema, `/api/customers/${customerId}/visits`, { method: 'POST', body }),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: visitsKey(customerId) }),
        qc.invalidateQueries({ queryKey: cardsKey(customerId) }),
        qc.invalidateQueries({ queryKey: statsKey(customerId) }),
        invalidateCustomer(qc, customerId),
      ]);
    },
  });
}
