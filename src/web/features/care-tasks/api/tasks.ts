// Care tasks: the lists (today / upcoming / overdue, mine or my store's), one task, and its actions.
// Every action sends the version the guide saw; a 409 reloads the task.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  completeResultSchema,
  taskDetailSchema,
  taskPageSchema,
  type CompleteTaskInput,
  type TaskScope,
  type TaskView,
} from '../../../../contracts/care-tasks';
import { uuidSchema } from '../../../../contracts/common';
import { apiRequest } from '../../../lib/api-client';
import { invalidateHerContacts } from '../../messaging/api/keys';

export const TASKS_KEY = ['care-tasks'] as const;
const listKey = (view: TaskView, scope: TaskScope, storeId: string | null) =>
  [...TASKS_KEY, 'list', view, scope, storeId] as const;
export const taskKey = (id: string) => [...TASKS_KEY, 'task', id] as const;

export function useTaskList(view: TaskView, scope: TaskScope, storeId: string | null) {
  return useInfiniteQuery({
    queryKey: listKey(view, scope, storeId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiRequest(taskPageSchema, '/api/care/tasks', {
        signal,
        query: { view, scope, storeId: scope === 'store' ? storeId : null, cursor: pageParam, limit: 30 },
      }),
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useTask(id: string | null) {
  return useQuery({
    queryKey: taskKey(id ?? 'none'),
    enabled: Boolean(id),
    queryFn: ({ signal }) => apiRequest(taskDetailSchema, `/api/care/tasks/${id}`, { signal }),
  });
}

async function refreshAfter(qc: QueryClient, id: string, customerId?: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: [...TASKS_KEY, 'list'] }),
    qc.invalidateQueries({ queryKey: taskKey(id) }),
    customerId ? invalidateHerContacts(qc, customerId) : Promise.resolve(),
  ]);
}

/** One hook per action; all reload the lists and the task when they succeed or conflict. */
function useAction<B>(id: string, customerId: string, action: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiRequest(z.unknown(), `/api/care/tasks/${id}/${action}`, { method: 'POST', body }),
    onSettled: () => refreshAfter(qc, id, customerId),
  });
}

export const useSnooze = (id: string, customerId: string) =>
  useAction<{ version: number; until: string }>(id, customerId, 'snooze');
export const useReassign = (id: string, customerId: string) =>
  useAction<{ version: number; assigneeId: string }>(id, customerId, 'reassign');
export const useCancelTask = (id: string, customerId: string) =>
  useAction<{ version: number; reason: string }>(id, customerId, 'cancel');

export function useCompleteTask(id: string, customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompleteTaskInput) =>
      apiRequest(completeResultSchema, `/api/care/tasks/${id}/complete`, { method: 'POST', body }),
    onSettled: () => refreshAfter(qc, id, customerId),
  });
}

export const complaintSchema = z.object({
  id: uuidSchema,
  storeId: uuidSchema,
  customerId: uuidSchema,
  customerName: z.string(),
  taskId: uuidSchema.nullable(),
  summary: z.string(),
  status: z.string(),
  openedBy: z.object({ id: uuidSchema, name: z.string() }),
  createdAt: z.string(),
});

export function useComplaint(id: string) {
  return useQuery({
    queryKey: [...TASKS_KEY, 'complaint', id],
    queryFn: ({ signal }) => apiRequest(complaintSchema, `/api/care/complaints/${id}`, { signal }),
  });
}
