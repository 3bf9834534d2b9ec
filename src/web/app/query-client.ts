import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';
import { ME_KEY } from '../features/auth/api/get-me';

// A 401 anywhere means the session ended (expired, or signed out elsewhere): forget the account and
// the router sends the person to the log-in page.
function onError(err: unknown) {
  if (isApiError(err) && err.status === 401 && queryClient.getQueryData(ME_KEY)) {
    queryClient.setQueryData(ME_KEY, null);
  }
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, err) => !(isApiError(err) && err.status > 0 && err.status < 500) && count < 2,
    },
  },
});
