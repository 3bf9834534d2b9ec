import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { categorySchema } from '../../../../contracts/purchases';
import { apiRequest } from '../../../lib/api-client';
import { CATEGORIES_KEY } from './keys';

const listSchema = z.object({ items: z.array(categorySchema) });
export type Category = z.infer<typeof categorySchema>;

export function useCategories() {
  return useQuery({
    queryKey: CATEGORIES_KEY,
    queryFn: ({ signal }) => apiRequest(listSchema, '/api/product-categories', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A category's name in the UI language, falling back to English, then its key. */
export function categoryLabel(c: Pick<Category, 'labels' | 'key'>, language: string): string {
  const labels = c.labels as Partial<Record<string, string>>;
  return labels[language] || labels.en || c.key;
}
