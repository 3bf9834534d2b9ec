import { useQuery } from '@tanstack/react-query';
import { meSchema, type Me, type StoreSummary } from '../../../../contracts/auth';
import { apiRequest, isApiError, setCsrfToken } from '../../../lib/api-client';

export const ME_KEY = ['me'] as const;

/** The signed-in account, or null when nobody is (a 401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest(meSchema, '/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (isApiError(err) && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 });
}

/** Inside the signed-in shell: the account is known (RequireAuth waits for it). */
export function useSession(): Me & { currentStore: StoreSummary | null } {
  const { data } = useMe();
  if (!data) throw new Error('useSession() used outside the signed-in shell');
  const currentStore = data.stores.find((s) => s.id === data.currentStoreId) ?? data.stores[0] ?? null;
  return { ...data, currentStore };
}
