import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { createUserBodySchema, updateUserBodySchema, userSchema } from '../../../../contracts/org';
import { apiRequest } from '../../../lib/api-client';

export const USERS_KEY = ['users'] as const;
const listSchema = z.object({ items: z.array(userSchema) });

export type UserFilter = { storeId: string | null; includeInactive: boolean };

export function useUsers(filter: UserFilter) {
  return useQuery({
    queryKey: [...USERS_KEY, filter],
    queryFn: ({ signal }) =>
      apiRequest(listSchema, '/api/users', {
        signal,
        query: { storeId: filter.storeId, includeInactive: filter.includeInactive },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof createUserBodySchema>) =>
      apiRequest(userSchema, '/api/users', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** Edits, deactivates, reactivates or sets a new password: one PATCH, different bodies. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.output<typeof updateUserBodySchema> }) =>
      apiRequest(userSchema, `/api/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
