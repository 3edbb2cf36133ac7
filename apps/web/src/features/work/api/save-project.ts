import { useMutation } from '@tanstack/react-query';
import type { MilestoneWrite, Project, ProjectInput, ProjectUpdate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { useRefreshWork } from './keys';

export function createProject(orgId: number, input: ProjectInput): Promise<Project> {
  return apiRequest<Project>(`/orgs/${orgId}/projects`, { method: 'POST', body: input });
}

export function updateProject(id: number, input: ProjectUpdate): Promise<Project> {
  return apiRequest<Project>(`/projects/${id}`, { method: 'PUT', body: input });
}

/** Milestone writes carry the PROJECT's version: ticking one off changes the project. */
export function addMilestone(projectId: number, input: MilestoneWrite): Promise<Project> {
  return apiRequest<Project>(`/projects/${projectId}/milestones`, { method: 'POST', body: input });
}

export function updateMilestone(id: number, input: MilestoneWrite): Promise<Project> {
  return apiRequest<Project>(`/milestones/${id}`, { method: 'PUT', body: input });
}

export function useCreateProject(orgId: number) {
  const refresh = useRefreshWork();
  return useMutation({ mutationFn: (input: ProjectInput) => createProject(orgId, input), onSuccess: refresh });
}

export function useUpdateProject() {
  const refresh = useRefreshWork();
  return useMutation({ mutationFn: ({ id, input }: { id: number; input: ProjectUpdate }) => updateProject(id, input), onSuccess: refresh });
}

/** Adds a milestone to `projectId` when `milestoneId` is null, otherwise changes that milestone. */
export function useSaveMilestone() {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: ({ projectId, milestoneId, input }: { projectId: number; milestoneId: number | null; input: MilestoneWrite }) =>
      milestoneId === null ? addMilestone(projectId, input) : updateMilestone(milestoneId, input),
    onSuccess: refresh,
  });
}
