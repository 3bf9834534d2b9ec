import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  serviceItemSchema,
  type createServiceItemBodySchema,
  type updateServiceItemBodySchema,
} from '../../../../contracts/salon';
import { apiRequest } from '../../../lib/api-client';
import { SERVICE_ITEMS_KEY } from './keys';

const listSchema = z.object({ items: z.array(serviceItemSchema) });
export type ServiceItem = z.infer<typeof serviceItemSchema>;

/** The service menu, retired services included (callers filter on `isActive`). */
export function useServiceItems() {
  return useQuery({
    queryKey: SERVICE_ITEMS_KEY,
    queryFn: ({ signal }) => apiRequest(listSchema, '/api/service-items', { signal }),
    staleTime: 60_000,
  });
}

export function useCreateServiceItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createServiceItemBodySchema>) =>
      apiRequest(serviceItemSchema, '/api/service-items', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SERVICE_ITEMS_KEY }),
  });
}

/** Edits a service, or retires / brings it back with `isActive`. */
export function useUpdateServiceItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof updateServiceItemBodySchema> }) =>
      apiRequest(serviceItemSchema, `/api/service-items/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: SERVICE_ITEMS_KEY }),
  });
}
