import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { changePasswordBodySchema } from '../../../../contracts/auth';
import { okSchema } from '../../../../contracts/common';
import { apiRequest } from '../../../lib/api-client';

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.infer<typeof changePasswordBodySchema>) =>
      apiRequest(okSchema, '/api/auth/password', { method: 'POST', body }),
  });
}
