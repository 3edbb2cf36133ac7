import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { TodoList } from '@wj/domain/quality';
import { apiGet } from '@/lib/api-client';
import { QUALITY_STALE_TIME } from '@/lib/quality-keys';
import { todoKeys } from './keys';

/** The caller's 待办 (GET /api/todos); see keys.ts for why they live under ['quality']. */

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
