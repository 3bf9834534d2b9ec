import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dashboardSchema, modelQualitySchema } from '../../../../contracts/analytics';
import { apiRequest } from '../../../lib/api-client';

export type DashboardScope = { storeId?: string; regionId?: string; currency?: string };

export function useDashboard(scope: DashboardScope) {
  return useQuery({
    queryKey: ['analytics', 'dashboard', scope],
    queryFn: ({ signal }) => apiRequest(dashboardSchema, '/api/analytics/dashboard', { signal, query: scope }),
    placeholderData: keepPreviousData,
  });
}

export function useModelQuality(scope: DashboardScope) {
  const { currency: _ignored, ...query } = scope;
  return useQuery({
    queryKey: ['analytics', 'model-quality', query],
    queryFn: ({ signal }) => apiRequest(modelQualitySchema, '/api/analytics/model-quality', { signal, query }),
    staleTime: 5 * 60_000,
  });
}
