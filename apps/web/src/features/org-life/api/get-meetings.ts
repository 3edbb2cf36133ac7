import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Meeting } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { meetingKeys } from './keys';

/** A branch's 组织生活 records of one year, newest first. Filtering by type is done on screen. */
export function getMeetings(orgId: number, year: number, signal?: AbortSignal): Promise<Meeting[]> {
  return apiGet<Meeting[]>(`/orgs/${orgId}/meetings`, { year }, signal);
}

export const meetingsQueryOptions = (orgId: number, year: number) =>
  queryOptions({
    queryKey: meetingKeys.list(orgId, year),
    queryFn: ({ signal }) => getMeetings(orgId, year, signal),
    placeholderData: keepPreviousData,
  });

export function useMeetings(orgId: number, year: number) {
  return useQuery(meetingsQueryOptions(orgId, year));
}
