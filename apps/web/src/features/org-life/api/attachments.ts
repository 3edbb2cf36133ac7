import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Attachment } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { useOrgMembers } from '@/lib/org-queries';
import { uploadFile } from '@/components/attachment-links';
import { meetingKeys } from './keys';

export { attachmentUrl } from '@/components/attachment-links';

/** Sends one file to the meeting's attachments (the shared upload: raw body, name in X-File-Name). */
export const uploadMeetingFile = (meetingId: number, file: File): Promise<Attachment> => uploadFile(`/meetings/${meetingId}/attachments`, file);

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
  return useOrgMembers(orgId, ACTIVE);
}
