import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingReview } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { meetingKeys } from './keys';
import { qualityKeys } from '@/lib/quality-keys';

/** The unit's review of a record: 已审核, or 退回 with a reason (the record then leaves the score and enters the branch's 待办). */
export function useReviewMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, review }: { id: number; review: MeetingReview }) =>
      apiRequest<Meeting>(`/meetings/${id}/review`, { method: 'POST', body: review }),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: meetingKeys.all }),
      queryClient.invalidateQueries({ queryKey: qualityKeys.all }),
    ]),
  });
}
