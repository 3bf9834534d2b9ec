import type { StoreSummary } from '../../../../contracts/auth';
import { useSession } from '../../auth/api/get-me';

/** The store a customer belongs to, as this account knows it (currency, time zone, country). */
export function useStoreOf(storeId: string | null | undefined): StoreSummary | null {
  const me = useSession();
  return me.stores.find((s) => s.id === storeId) ?? me.currentStore;
}

export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
