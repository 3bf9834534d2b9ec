import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { categorySchema, type updateCategoryBodySchema } from '../../../../contracts/purchases';
import { apiRequest } from '../../../lib/api-client';
import { CATEGORIES_KEY } from './keys';

export function useUpdateCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: z.input<typeof updateCategoryBodySchema> }) =>
      apiRequest(categorySchema, `/api/product-categories/${id}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: CATEGORIES_KEY }),
  });
}
