import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Project } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { workKeys } from './keys';

/** 书记项目 of one year with their milestones; `overdue` counts milestones due by today and not done. */
export function getProjects(orgId: number, year: number, signal?: AbortSignal): Promise<Project[]> {
  return apiGet<Project[]>(`/orgs/${orgId}/projects`, { year }, signal);
}

export const projectsQueryOptions = (orgId: number, year: number) =>
  queryOptions({
    queryKey: workKeys.projects(orgId, year),
    queryFn: ({ signal }) => getProjects(orgId, year, signal),
    placeholderData: keepPreviousData,
  });

export function useProjects(orgId: number, year: number) {
  return useQuery(projectsQueryOptions(orgId, year));
}
