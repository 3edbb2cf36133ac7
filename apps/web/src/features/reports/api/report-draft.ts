import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReportDraft, ReportParagraphWrite } from '@wj/domain/schemas';
import { apiGet, apiRequest } from '@/lib/api-client';
import { reportKeys } from './keys';

/** The report's draft paragraph by paragraph: generated text, the office's edits and own paragraphs. */
export function getReportDraft(year: number | undefined, unitId: number | null, signal?: AbortSignal): Promise<ReportDraft> {
  return apiGet<ReportDraft>('/reports/draft', { year, unitId }, signal);
}

export const reportDraftQueryOptions = (year: number | undefined, unitId: number | null) =>
  queryOptions({
    queryKey: reportKeys.draft(year, unitId),
    queryFn: ({ signal }) => getReportDraft(year, unitId, signal),
  });

export function useReportDraft(year: number | undefined, unitId: number | null) {
  return useQuery(reportDraftQueryOptions(year, unitId));
}

/** Saves one paragraph (empty text: back to the generated one, or an added one removed); answers the new draft. */
export function saveReportParagraph(year: number, unitId: number | null, body: ReportParagraphWrite): Promise<ReportDraft> {
  return apiRequest<ReportDraft>('/reports/draft', { method: 'PUT', query: { year, unitId }, body });
}

export function useSaveReportParagraph(year: number, unitId: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportParagraphWrite) => saveReportParagraph(year, unitId, body),
    onSuccess: (draft) => queryClient.setQueryData(reportKeys.draft(year, unitId), draft),
  });
}
