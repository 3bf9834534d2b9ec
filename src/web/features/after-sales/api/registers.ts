import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { qualityFollowupBodySchema, REPAIR_STATUSES, repairTicketSchema } from '../../../../contracts/after-sales';
import { uuidSchema } from '../../../../contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { REGISTERS_KEY } from './keys';

export type RegisterFilter = {
  storeId: string;
  from: string;
  to: string;
  status: (typeof REPAIR_STATUSES)[number] | '';
};
export const EMPTY_REGISTER_FILTER: RegisterFilter = { storeId: '', from: '', to: '', status: '' };

const repairListSchema = z.object({ items: z.array(repairTicketSchema) });
const qualityItemSchema = z.object({
  id: uuidSchema,
  at: z.string(),
  storeId: uuidSchema,
  customerName: z.string().nullable(),
  styleNo: z.string().nullable(),
  kind: z.string(),
  rating: z.number().nullable(),
  opinion: z.string(),
  byName: z.string().nullable(),
});
const qualityListSchema = z.object({ items: z.array(qualityItemSchema) });
export type QualityFollowup = z.infer<typeof qualityItemSchema>;

function query(f: RegisterFilter, withStatus: boolean) {
  return { storeId: f.storeId, from: f.from, to: f.to, ...(withStatus ? { status: f.status } : {}) };
}

/** The download link of a register in CSV or XLSX, with the same filters as on screen. */
export function registerDownloadUrl(
  register: 'repairs' | 'quality-followups',
  f: RegisterFilter,
  format: 'csv' | 'xlsx',
): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(query(f, register === 'repairs'))) if (v) params.set(k, v);
  return `/api/registers/${register}?${params.toString()}`;
}

/** The repair register (客户货品维修登记簿). */
export function useRepairRegister(f: RegisterFilter, enabled = true) {
  return useQuery({
    queryKey: [...REGISTERS_KEY, 'repairs', f],
    queryFn: ({ signal }) => apiRequest(repairListSchema, '/api/registers/repairs', { signal, query: query(f, true) }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The quality follow-up and opinion register. */
export function useQualityRegister(f: RegisterFilter, enabled = true) {
  return useQuery({
    queryKey: [...REGISTERS_KEY, 'quality', f],
    queryFn: ({ signal }) =>
      apiRequest(qualityListSchema, '/api/registers/quality-followups', { signal, query: query(f, false) }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCreateQualityFollowup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof qualityFollowupBodySchema>) =>
      apiRequest(z.object({ id: uuidSchema }), '/api/quality-followups', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: REGISTERS_KEY }),
  });
}
