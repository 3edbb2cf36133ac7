import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TodoList } from '@wj/domain/quality';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME, qualityKeys } from '@/lib/quality-keys';

/**
 * The caller's 待办 (GET /api/todos). Kept under ['quality'] because they are
 * computed from the same facts as the scores: every write that refreshes the
 * scores refreshes them too, so an item done leaves the list at once.
 */
export const todoKeys = {
  list: (unitId: number | undefined) => [...qualityKeys.all, 'todos', { unitId }] as const,
};

export function getTodos(unitId: number | undefined, signal?: AbortSignal): Promise<TodoList> {
  return apiGet<TodoList>('/todos', { unitId }, signal);
}

export const todosQueryOptions = (unitId?: number) =>
  queryOptions({
    queryKey: todoKeys.list(unitId),
    queryFn: ({ signal }) => getTodos(unitId, signal),
    staleTime: QUALITY_STALE_TIME,
    placeholderData: keepPreviousData,
  });

export function useTodos(unitId?: number) {
  return useQuery(todosQueryOptions(unitId));
}
