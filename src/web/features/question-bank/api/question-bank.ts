import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  customFieldSchema,
  questionBankSchema,
  type createCustomFieldBodySchema,
  type createSectionBodySchema,
  type MoveDirection,
  type updateCustomFieldBodySchema,
  type updateSectionBodySchema,
} from '../../../../contracts/custom-fields';
import { apiRequest } from '../../../lib/api-client';
import { QUESTION_BANK_KEY, useQuestionBank } from '../../customers/api/customers';

export type QuestionBank = z.infer<typeof questionBankSchema>;
export type Section = QuestionBank['sections'][number];

/** The whole bank as the editor shows it: retired questions included. */
export function useEditableBank() {
  return useQuestionBank(true);
}

// Every edit changes what customer pages ask, so both views of the bank are refreshed.
function useBankMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: QUESTION_BANK_KEY }),
  });
}

export function useCreateSection() {
  return useBankMutation((body: z.input<typeof createSectionBodySchema>) =>
    apiRequest(questionBankSchema, '/api/custom-field-sections', { method: 'POST', body }),
  );
}

export function useUpdateSection() {
  return useBankMutation(({ id, body }: { id: string; body: z.input<typeof updateSectionBodySchema> }) =>
    apiRequest(questionBankSchema, `/api/custom-field-sections/${id}`, { method: 'PATCH', body }),
  );
}

export function useMoveSection() {
  return useBankMutation(({ id, direction }: { id: string; direction: MoveDirection }) =>
    apiRequest(questionBankSchema, `/api/custom-field-sections/${id}/move`, { method: 'POST', body: { direction } }),
  );
}

export function useCreateQuestion() {
  return useBankMutation((body: z.input<typeof createCustomFieldBodySchema>) =>
    apiRequest(customFieldSchema, '/api/custom-fields', { method: 'POST', body }),
  );
}

/** Relabel, change options, retire (`isActive: false`) or bring back a question. */
export function useUpdateQuestion() {
  return useBankMutation(({ id, body }: { id: string; body: z.input<typeof updateCustomFieldBodySchema> }) =>
    apiRequest(customFieldSchema, `/api/custom-fields/${id}`, { method: 'PATCH', body }),
  );
}

export function useMoveQuestion() {
  return useBankMutation(({ id, direction }: { id: string; direction: MoveDirection }) =>
    apiRequest(customFieldSchema, `/api/custom-fields/${id}/move`, { method: 'POST', body: { direction } }),
  );
}
