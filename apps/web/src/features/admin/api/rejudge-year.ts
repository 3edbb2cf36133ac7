import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { YearStatus } from '@/lib/year-status';
import { adminKeys } from './keys';

/** 重新评定: a closed year is frozen again from the records as they are now, under the rules in force (audited). */
export function rejudgeYear(year: number): Promise<YearStatus> {
  return apiRequest<YearStatus>(`/years/${year}/rejudge`, { method: 'POST' });
}

export function useRejudgeYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rejudgeYear,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.quality });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
