import { useMutation } from '@tanstack/react-query';
import type { Recruit, RecruitAdvance, RecruitInput, RecruitStop } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { useRefreshRecruits } from './keys';

export function createRecruit(orgId: number, input: RecruitInput): Promise<Recruit> {
  return apiRequest<Recruit>(`/orgs/${orgId}/recruits`, { method: 'POST', body: input });
}

/** One step forward; the API refuses with the 细则's reason when the date breaks a rule. */
export function advanceRecruit(id: number, input: RecruitAdvance): Promise<Recruit> {
  return apiRequest<Recruit>(`/recruits/${id}/advance`, { method: 'POST', body: input });
}

export function stopRecruit(id: number, input: RecruitStop): Promise<Recruit> {
  return apiRequest<Recruit>(`/recruits/${id}/stop`, { method: 'POST', body: input });
}

export function useCreateRecruit(orgId: number) {
  const refresh = useRefreshRecruits();
  return useMutation({ mutationFn: (input: RecruitInput) => createRecruit(orgId, input), onSuccess: refresh });
}

export function useAdvanceRecruit() {
  const refresh = useRefreshRecruits();
  return useMutation({ mutationFn: ({ id, input }: { id: number; input: RecruitAdvance }) => advanceRecruit(id, input), onSuccess: refresh });
}

export function useStopRecruit() {
  const refresh = useRefreshRecruits();
  return useMutation({ mutationFn: ({ id, input }: { id: number; input: RecruitStop }) => stopRecruit(id, input), onSuccess: refresh });
}
