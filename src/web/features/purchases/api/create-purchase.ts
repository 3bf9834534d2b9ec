import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateReceiptInput } from '../../../../contracts/purchases';
import { receiptSchema } from '../../../../contracts/purchases';
import { apiRequest } from '../../../lib/api-client';
import { invalidateCustomer, PURCHASES_KEY } from './keys';

export function useCreatePurchase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReceiptInput) => apiRequest(receiptSchema, '/api/purchases', { method: 'POST', body }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: PURCHASES_KEY });
      if (r.customerId) {
        await invalidateCustomer(qc, r.customerId);
        await qc.invalidateQueries({ queryKey: ['after-sales', 'entitlements', r.customerId] });
      }
    },
  });
}
