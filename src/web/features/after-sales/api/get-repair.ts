import { useQuery } from '@tanstack/react-query';
import { repairTicketSchema } from '../../../../contracts/after-sales';
import { apiRequest } from '../../../lib/api-client';
import { repairKey } from './keys';

export function useRepair(id: string) {
  return useQuery({
    queryKey: repairKey(id),
    queryFn: ({ signal }) => apiRequest(repairTicketSchema, `/api/repairs/${id}`, { signal }),
  });
}
