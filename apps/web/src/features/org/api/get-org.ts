import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgDetail } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { orgKeys } from './keys';

export function getOrg(id: number, signal?: AbortSignal): Promise<OrgDetail> {
  return apiGet<OrgDetail>(`/orgs/${id}`, undefined, signal);
}

export const orgQueryOptions = (id: number) =>
  queryOptions({
    queryKey: orgKeys.detail(id),
    queryFn: ({ signal }) => getOrg(id, signal),
  });

export function useOrg(id: number) {
  return useQuery(orgQueryOptions(id));
}
