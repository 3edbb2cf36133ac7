import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterReport } from '@wj/domain/schemas';
import { postFileWithProgress, saveResponse, type UploadProgress } from '../lib/http-file';

/** Where a file goes: one 党支部, or a whole unit whose rows name their branch (所在党支部). */
export interface RosterTarget { level: 'branch' | 'unit'; id: number; name: string }

const base = (t: RosterTarget) => (t.level === 'unit' ? `/units/${t.id}/roster` : `/orgs/${t.id}/roster`);

interface Upload { file: File; onProgress?: (p: UploadProgress) => void }

/** The raw .xlsx is the request body; preview writes nothing, import is all or nothing. */
async function postRoster(target: RosterTarget, step: 'preview' | 'import', { file, onProgress }: Upload): Promise<RosterReport> {
  const res = await postFileWithProgress(`${base(target)}/${step}`, file, onProgress);
  return (await res.json()) as RosterReport;
}

export const previewRoster = (target: RosterTarget, upload: Upload) => postRoster(target, 'preview', upload);
export const importRoster = (target: RosterTarget, upload: Upload) => postRoster(target, 'import', upload);

/** 问题清单: the same file back with a 问题 column, saved under the server's name. */
export async function downloadRosterProblems(target: RosterTarget, file: File): Promise<string> {
  return saveResponse(await postFileWithProgress(`${base(target)}/problems`, file), '党员名册问题清单.xlsx');
}

export function usePreviewRoster(target: RosterTarget) {
  return useMutation({ mutationFn: (upload: Upload) => previewRoster(target, upload) });
}

export function useRosterProblems(target: RosterTarget) {
  return useMutation({ mutationFn: (file: File) => downloadRosterProblems(target, file) });
}

/** An import changes the roll: rosters, counts (['orgs',…]), members and scores are refreshed by prefix. */
export function useImportRoster(target: RosterTarget) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (upload: Upload) => importRoster(target, upload),
    onSuccess: () => Promise.all(['orgs', 'members', 'quality'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}
