import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { staffStatsSchema, type StaffStats } from '../../../../contracts/messaging';
import { apiRequest } from '../../../lib/api-client';
import { STATS_KEY } from './keys';

export type StatsQuery = { from: string; to: string; storeId: string | null };
export type { StaffStats };

export function useStaffStats(q: StatsQuery) {
  return useQuery({
    queryKey: [...STATS_KEY, q],
    enabled: Boolean(q.from && q.to && q.from <= q.to),
    queryFn: ({ signal }) => apiRequest(staffStatsSchema, '/api/contacts/stats', { signal, query: q }),
    placeholderData: keepPreviousData,
  });
}

/** The CSV download: a plain GET, the session cookie is enough (and the export is audited). */
export function statsCsvUrl(q: StatsQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to, format: 'csv' });
  if (q.storeId) params.set('storeId', q.storeId);
  return `/api/contacts/stats?${params.toString()}`;
}
