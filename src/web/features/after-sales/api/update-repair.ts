import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { repairTicketSchema, type updateRepairBodySchema } from '../../../../contracts/after-sales';
import { apiRequest } from '../../../lib/api-client';
import { AFTER_SALES_KEY, REGISTERS_KEY, repairKey } from './keys';

/** Moves a ticket on one step (assessed, repairing, ready, collected, exchanged or refunded). */
export function useUpdateRepair(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof updateRepairBodySchema>) =>
      apiRequest(repairTicketSchema, `/api/repairs/${id}`, { method: 'PATCH', body }),
    onSuccess: async (ticket) => {
      qc.setQueryData(repairKey(ticket.id), ticket);
      await qc.invalidateQueries({ queryKey: AFTER_SALES_KEY });
      await qc.invalidateQueries({ queryKey: REGISTERS_KEY });
    },
  });
}
