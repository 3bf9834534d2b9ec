import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { loginBodySchema, meSchema } from '../../../../contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { ME_KEY } from './get-me';
import { clearLoggedOutFlag } from './log-out';

export function useLogIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof loginBodySchema>) =>
      apiRequest(meSchema, '/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      clearLoggedOutFlag();
      setCsrfToken(me.csrfToken);
      qc.setQueryData(ME_KEY, me);
    },
  });
}
