import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorAlert, PageLoader } from '../components/query-state';
import { useMe } from '../features/auth/api/get-me';
import { loggedOutOnPurpose } from '../features/auth/api/log-out';
import { can, type Capability } from '../lib/permissions';
import { NotAllowedPage } from './pages/not-allowed-page';

export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoader />;
  if (me.isError) return <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const isPlain = location.pathname === '/' || loggedOutOnPurpose();
    const next = isPlain ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return children;
}

/** Pages a role may not use show a clear refusal instead of a broken screen. */
export function RequireCapability({ capability, children }: { capability: Capability; children: ReactNode }) {
  const { data } = useMe();
  if (!can(data?.user.role, capability)) return <NotAllowedPage />;
  return children;
}
