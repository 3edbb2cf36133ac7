import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PartyWorker, PartyWorkerInput, PartyWorkerUpdate } from '@wj/domain/schemas';
import { apiGet, apiRequest } from '@/lib/api-client';
import { refreshUnitRecords, unitKeys } from './keys';

/** 党务干部: those serving first, then those who left. */
export function getWorkers(unitId: number, signal?: AbortSignal): Promise<PartyWorker[]> {
  return apiGet<PartyWorker[]>(`/units/${unitId}/party-workers`, undefined, signal);
}

export const workersQueryOptions = (unitId: number) =>
  queryOptions({ queryKey: unitKeys.workers(unitId), queryFn: ({ signal }) => getWorkers(unitId, signal) });

export function useWorkers(unitId: number) {
  return useQuery(workersQueryOptions(unitId));
}

export function createWorker(unitId: number, body: PartyWorkerInput): Promise<PartyWorker> {
  return apiRequest<PartyWorker>(`/units/${unitId}/party-workers`, { method: 'POST', body });
}

/** Also how a post ends: the row gets an end date and stays as history. */
export function updateWorker(id: number, body: PartyWorkerUpdate): Promise<PartyWorker> {
  return apiRequest<PartyWorker>(`/party-workers/${id}`, { method: 'PUT', body });
}

type SaveWorker = { id: null; body: PartyWorkerInput } | { id: number; body: PartyWorkerUpdate };

export function useSaveWorker(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (req: SaveWorker) => (req.id === null ? createWorker(unitId, req.body) : updateWorker(req.id, req.body)),
    onSuccess: () => refreshUnitRecords(queryClient, unitKeys.workers(unitId)),
  });
}
