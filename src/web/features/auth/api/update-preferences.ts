import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { meSchema, preferencesBodySchema } from '../../../../contracts/auth';
import { apiRequest, setCsrfToken } from '../../../lib/api-client';
import { ME_KEY } from './get-me';

export function useUpdatePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof preferencesBodySchema>) =>
      apiRequest(meSchema, '/api/me/preferences', { method: 'PATCH', body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      qc.setQueryData(ME_KEY, me);
    },
  });
}
