import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { YearStatus } from '@/lib/year-status';
import { adminKeys } from './keys';

/** 关闭年度: the year's facts as of 31 December and the rules in force are frozen; its scores stand from then on. */
export function closeYear(year: number): Promise<YearStatus> {
  return apiRequest<YearStatus>(`/years/${year}/close`, { method: 'POST' });
}

export function useCloseYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: closeYear,
    onSuccess: () => {
      // Every score of the year and the year list live under ['quality'].
      void queryClient.invalidateQueries({ queryKey: adminKeys.quality });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
