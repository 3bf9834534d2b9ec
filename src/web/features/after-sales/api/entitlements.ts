import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { entitlementSchema } from '../../../../contracts/after-sales';
import { uuidSchema } from '../../../../contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { entitlementsKey } from './keys';

const listSchema = z.object({ items: z.array(entitlementSchema) });
export type Entitlement = z.infer<typeof entitlementSchema>;

/** Free services she has earned: dry-cleaning of a suit, leather care. */
export function useEntitlements(customerId: string) {
  return useQuery({
    queryKey: entitlementsKey(customerId),
    queryFn: ({ signal }) => apiRequest(listSchema, `/api/customers/${customerId}/entitlements`, { signal }),
  });
}

export function useRedeemEntitlement(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(z.object({ id: uuidSchema, redeemedAt: z.string() }), `/api/entitlements/${id}/redeem`, {
        method: 'POST',
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: entitlementsKey(customerId) }),
  });
}
