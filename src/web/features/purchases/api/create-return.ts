import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { receiptSchema, type returnBodySchema } from '../../../../contracts/purchases';
import { apiRequest } from '../../../lib/api-client';
import { invalidateCustomer, PURCHASES_KEY } from './keys';

export function useCreateReturn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ receiptId, body }: { receiptId: string; body: z.input<typeof returnBodySchema> }) =>
      apiRequest(receiptSchema, `/api/purchases/${receiptId}/returns`, { method: 'POST', body }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: PURCHASES_KEY });
      if (r.customerId) {
        await invalidateCustomer(qc, r.customerId);
        await qc.invalidateQueries({ queryKey: ['after-sales', 'entitlements', r.customerId] });
      }
    },
  });
}
