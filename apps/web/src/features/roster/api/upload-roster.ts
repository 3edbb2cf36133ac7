import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterReport } from '@wj/domain/schemas';
import { ApiError, apiUpload, apiUploadForDownload, type UploadProgress } from '@/lib/api-client';
import { rosterKeys } from './keys';

/** Where a file goes: one 党支部, or a whole unit whose rows name their branch (所在党支部). */
export interface RosterTarget { level: 'branch' | 'unit'; id: number; name: string }

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const base = (t: RosterTarget) => (t.level === 'unit' ? `/units/${t.id}/roster` : `/orgs/${t.id}/roster`);

interface Upload { file: File; onProgress?: (p: UploadProgress) => void }

/** The raw .xlsx is the request body (whatever type the browser guessed for the file). */
const XLSX_BODY = { 'Content-Type': XLSX_TYPE };

/** Preview writes nothing, import is all or nothing; both answer with the row report. */
const postRoster = (target: RosterTarget, step: 'preview' | 'import', { file, onProgress }: Upload) =>
  apiUpload<RosterReport>(`${base(target)}/${step}`, file, { headers: XLSX_BODY, onProgress });

export const previewRoster = (target: RosterTarget, upload: Upload) => postRoster(target, 'preview', upload);
export const importRoster = (target: RosterTarget, upload: Upload) => postRoster(target, 'import', upload);

/** A refused file whose rows were the problem carries the row report beside the error. */
export function refusedReport(error: unknown): RosterReport | null {
  if (!(error instanceof ApiError)) return null;
  return (error.body as { report?: RosterReport } | null)?.report ?? null;
}

/** 问题清单: the same file back with a 问题 column, saved under the server's name. */
export async function downloadRosterProblems(target: RosterTarget, file: File): Promise<string> {
  const saved = await apiUploadForDownload(`${base(target)}/problems`, file, { headers: XLSX_BODY, fallbackName: '党员名册问题清单.xlsx' });
  return saved.filename;
}

export function usePreviewRoster(target: RosterTarget) {
  return useMutation({ mutationFn: (upload: Upload) => previewRoster(target, upload) });
}

export function useRosterProblems(target: RosterTarget) {
  return useMutation({ mutationFn: (file: File) => downloadRosterProblems(target, file) });
}

/** An import changes the roll: rosters, counts, members and scores are refreshed by prefix. */
export function useImportRoster(target: RosterTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: Upload) => importRoster(target, upload),
    onSuccess: () => Promise.all(rosterKeys.changedByImport.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
