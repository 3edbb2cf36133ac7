import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CommitteeHistory } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { structureKeys } from './keys';

/** The branch's committee in office, the earlier ones, and how many 正式党员 it has. */
export function getCommittee(orgId: number, signal?: AbortSignal): Promise<CommitteeHistory> {
  return apiGet<CommitteeHistory>(`/orgs/${orgId}/committee`, undefined, signal);
}

export const committeeQueryOptions = (orgId: number) =>
  queryOptions({ queryKey: structureKeys.committee(orgId), queryFn: ({ signal }) => getCommittee(orgId, signal) });

export function useCommittee(orgId: number) {
  return useQuery(committeeQueryOptions(orgId));
}
