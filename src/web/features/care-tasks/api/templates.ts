// The message library: list by occasion and language, preview while typing, save, retire.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { MessageCategory, MessageTemplateInput } from '../../../../contracts/care';
import {
  previewResultSchema,
  templateSaveResultSchema,
  templateSchema,
  type Template,
} from '../../../../contracts/care-tasks';
import type { Locale } from '../../../../contracts/common';
import { apiRequest } from '../../../lib/api-client';

const TEMPLATES_KEY = ['care-templates'] as const;
export type { Template };

export function useTemplates(filter: {
  category: MessageCategory | null;
  locale: Locale | null;
  includeRetired: boolean;
}) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, filter],
    queryFn: ({ signal }) =>
      apiRequest(z.object({ items: z.array(templateSchema) }), '/api/care/templates', { signal, query: filter }),
  });
}

export function usePreview(input: MessageTemplateInput | null) {
  return useQuery({
    queryKey: [...TEMPLATES_KEY, 'preview', input],
    enabled: Boolean(input?.body.trim()),
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      apiRequest(previewResultSchema, '/api/care/templates/preview', { method: 'POST', body: input, signal }),
  });
}

export function useSaveTemplate(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MessageTemplateInput) =>
      apiRequest(
        templateSaveResultSchema,
        id ? `/api/care/templates/${encodeURIComponent(id)}` : '/api/care/templates',
        {
          method: id ? 'PATCH' : 'POST',
          body,
        },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}

export function useSetTemplateActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      apiRequest(templateSchema, `/api/care/templates/${encodeURIComponent(id)}/${active ? 'restore' : 'retire'}`, {
        method: 'POST',
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: TEMPLATES_KEY }),
  });
}
