// TanStack Query hooks over /api/loyalty and her card (/api/customers/:id/loyalty, /points).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { pageSchema } from '../../../../contracts/common';
import {
  campaignSchema,
  customerLoyaltySchema,
  pointsEntrySchema,
  previewSchema,
  programmeSchema,
  programmeSettingsSchema,
  tierSchema,
  type createCampaignBodySchema,
  type previewBodySchema,
  type updateTierBodySchema,
} from '../../../../contracts/loyalty';
import { apiRequest } from '../../../lib/api-client';

export const LOYALTY_KEY = ['loyalty'] as const;
const PROGRAMME_KEY = [...LOYALTY_KEY, 'programme'] as const;
const CAMPAIGNS_KEY = [...LOYALTY_KEY, 'campaigns'] as const;
const customerKey = (id: string) => [...LOYALTY_KEY, 'customer', id] as const;

export type Programme = z.infer<typeof programmeSchema>;
export type Tier = Programme['tiers'][number];
export type CustomerLoyalty = z.infer<typeof customerLoyaltySchema>;
export type Preview = z.infer<typeof previewSchema>;

export function useProgramme() {
  return useQuery({
    queryKey: PROGRAMME_KEY,
    queryFn: ({ signal }) => apiRequest(programmeSchema, '/api/loyalty/programme', { signal }),
  });
}

/** Her tier and points; always fresh when the page opens (a sale a moment ago may have changed it). */
export function useCustomerLoyalty(customerId: string) {
  return useQuery({
    queryKey: customerKey(customerId),
    queryFn: ({ signal }) => apiRequest(customerLoyaltySchema, `/api/customers/${customerId}/loyalty`, { signal }),
    refetchOnMount: 'always',
  });
}

export function usePointsLedger(customerId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...customerKey(customerId), 'points'],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(pageSchema(pointsEntrySchema), `/api/customers/${customerId}/points`, {
        signal,
        query: { limit: 20, cursor: pageParam },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

const entryReply = z.object({ balance: z.number(), entryId: z.string() });

export function usePointsEntry(customerId: string, kind: 'redeem' | 'adjust') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { points: number; reason?: string }) =>
      apiRequest(entryReply, `/api/customers/${customerId}/points/${kind}`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: customerKey(customerId) }),
  });
}

export function useUpdateTier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof updateTierBodySchema> }) =>
      apiRequest(tierSchema, `/api/loyalty/tiers/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LOYALTY_KEY }),
  });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof programmeSettingsSchema>) =>
      apiRequest(programmeSettingsSchema, '/api/loyalty/settings', { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: LOYALTY_KEY }),
  });
}

export function usePreview() {
  return useMutation({
    mutationFn: (body: z.input<typeof previewBodySchema>) =>
      apiRequest(previewSchema, '/api/loyalty/tiers/preview', { method: 'POST', body }),
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: CAMPAIGNS_KEY,
    queryFn: ({ signal }) =>
      apiRequest(z.object({ items: z.array(campaignSchema) }), '/api/loyalty/campaigns', { signal }),
  });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createCampaignBodySchema>) =>
      apiRequest(campaignSchema, '/api/loyalty/campaigns', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}

export function useToggleCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) =>
      apiRequest(campaignSchema, `/api/loyalty/campaigns/${id}`, { method: 'PATCH', body: { isActive } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
  });
}
