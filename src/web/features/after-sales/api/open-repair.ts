import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { repairTicketSchema, type openRepairBodySchema } from '../../../../contracts/after-sales';
import { apiRequest } from '../../../lib/api-client';
import { AFTER_SALES_KEY, REGISTERS_KEY, repairKey } from './keys';

export function useOpenRepair(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof openRepairBodySchema>) =>
      apiRequest(repairTicketSchema, `/api/customers/${customerId}/repairs`, { method: 'POST', body }),
    onSuccess: async (ticket) => {
      qc.setQueryData(repairKey(ticket.id), ticket);
      await qc.invalidateQueries({ queryKey: AFTER_SALES_KEY });
      await qc.invalidateQueries({ queryKey: REGISTERS_KEY });
    },
  });
}
