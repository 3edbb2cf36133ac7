import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Attachment, MemberPage } from '@wj/domain/schemas';
import { ApiError, apiGet, apiRequest, FALLBACK_ERROR_MESSAGE } from '@/lib/api-client';
import { meetingKeys } from './keys';

/** Where a file is downloaded from (served as an attachment, in the record's scope only). */
export const attachmentUrl = (id: number) => `/api/attachments/${id}`;

/** Sends one file as the raw body, its name in X-File-Name; fails with the server's Chinese message. */
export async function uploadMeetingFile(meetingId: number, file: File): Promise<Attachment> {
  let res: Response;
  try {
    res = await fetch(`/api/meetings/${meetingId}/attachments`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name), Accept: 'application/json' },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'NETWORK', FALLBACK_ERROR_MESSAGE);
  }
  const body = (await res.json().catch(() => null)) as (Attachment & { error?: { code: string; message: string } }) | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.code ?? 'UNKNOWN', body?.error?.message ?? (res.status === 413 ? '文件超过 10 MB' : FALLBACK_ERROR_MESSAGE));
  return body!;
}

export function useDeleteAttachment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) => apiRequest<void>(`/attachments/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
  });
}

const ACTIVE = { page: 1, pageSize: 200, status: 'active' } as const;

/** The branch's members on the roll, to pick 主持人, 记录人 and attendees from. */
export function useActiveMembers(orgId: number) {
  return useQuery({
    queryKey: ['orgs', 'members', orgId, ACTIVE],
    queryFn: ({ signal }) => apiGet<MemberPage>(`/orgs/${orgId}/members`, { ...ACTIVE }, signal),
  });
}
