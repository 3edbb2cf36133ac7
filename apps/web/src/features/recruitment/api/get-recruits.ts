import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Recruit } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { recruitKeys } from './keys';

/** Every pipeline entry of the branch, stopped ones included, oldest application first. */
export function getRecruits(orgId: number, signal?: AbortSignal): Promise<Recruit[]> {
  return apiGet<Recruit[]>(`/orgs/${orgId}/recruits`, undefined, signal);
}

export const recruitsQueryOptions = (orgId: number) =>
  queryOptions({ queryKey: recruitKeys.list(orgId), queryFn: ({ signal }) => getRecruits(orgId, signal) });

export function useRecruits(orgId: number) {
  return useQuery(recruitsQueryOptions(orgId));
}
