import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponsibilityItem, ResponsibilityItemInput, ResponsibilityItemUpdate } from '@wj/domain/schemas';
import { apiGet, apiRequest } from '@/lib/api-client';
import { refreshUnitRecords, unitKeys } from './keys';

/** 全面从严治党主体责任清单 items of every year (the panel groups them by year). */
export function getItems(unitId: number, signal?: AbortSignal): Promise<ResponsibilityItem[]> {
  return apiGet<ResponsibilityItem[]>(`/units/${unitId}/responsibility-items`, undefined, signal);
}

export const itemsQueryOptions = (unitId: number) =>
  queryOptions({ queryKey: unitKeys.items(unitId), queryFn: ({ signal }) => getItems(unitId, signal) });

export function useItems(unitId: number) {
  return useQuery(itemsQueryOptions(unitId));
}

export function createItem(unitId: number, body: ResponsibilityItemInput): Promise<ResponsibilityItem> {
  return apiRequest<ResponsibilityItem>(`/units/${unitId}/responsibility-items`, { method: 'POST', body });
}

/** Ticks an item done (or not), or rewords it; needs the version read. */
export function updateItem(id: number, body: ResponsibilityItemUpdate): Promise<ResponsibilityItem> {
  return apiRequest<ResponsibilityItem>(`/responsibility-items/${id}`, { method: 'PUT', body });
}

type SaveItem = { id: null; body: ResponsibilityItemInput } | { id: number; body: ResponsibilityItemUpdate };

export function useSaveItem(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: SaveItem) => (req.id === null ? createItem(unitId, req.body) : updateItem(req.id, req.body)),
    onSuccess: () => refreshUnitRecords(queryClient, unitKeys.items(unitId)),
  });
}
