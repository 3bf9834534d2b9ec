import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../contracts/common';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { ME_KEY } from './get-me';

// Set while someone logs out on purpose, so the redirect to the log-in page carries no `next`:
// the next person to log in on this phone may be someone else.
let isLoggingOut = false;
export function loggedOutOnPurpose(): boolean {
  return isLoggingOut;
}
export function clearLoggedOutFlag() {
  isLoggingOut = false;
}

/** Logs out; the signed-in shell then sends the person to the log-in page. */
export function useLogOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => {
      isLoggingOut = true;
      return apiRequest(okSchema, '/api/auth/logout', { method: 'POST' });
    },
    // Signed out either way: an expired session is as good as a closed one.
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      qc.setQueryData(ME_KEY, null);
    },
  });
}
