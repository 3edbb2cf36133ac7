import { useMutation } from '@tanstack/react-query';
import type { VanguardPost, VanguardPostInput, VanguardPostUpdate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { useRefreshWork } from './keys';

export function createVanguardPost(orgId: number, input: VanguardPostInput): Promise<VanguardPost> {
  return apiRequest<VanguardPost>(`/orgs/${orgId}/vanguard-posts`, { method: 'POST', body: input });
}

export function updateVanguardPost(id: number, input: VanguardPostUpdate): Promise<VanguardPost> {
  return apiRequest<VanguardPost>(`/vanguard-posts/${id}`, { method: 'PUT', body: input });
}

/** Creates when `id` is null, otherwise updates the post read at `input.version`. */
export function useSaveVanguardPost(orgId: number) {
  const refresh = useRefreshWork();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: VanguardPostInput | VanguardPostUpdate }) =>
      id === null ? createVanguardPost(orgId, input) : updateVanguardPost(id, input as VanguardPostUpdate),
    onSuccess: refresh,
  });
}
