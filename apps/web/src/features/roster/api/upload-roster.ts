import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RosterReport } from '@wj/domain/schemas';
import { fetchFile, XLSX_TYPE } from '../lib/http-file';

/** The raw .xlsx is the request body; preview writes nothing, import is all or nothing. */
async function postRoster(branchId: number, step: 'preview' | 'import', file: File): Promise<RosterReport> {
  const res = await fetchFile(`/orgs/${branchId}/roster/${step}`, {
    method: 'POST',
    headers: { 'Content-Type': XLSX_TYPE, Accept: 'application/json' },
    body: file,
  });
  return (await res.json()) as RosterReport;
}

export const previewRoster = (branchId: number, file: File) => postRoster(branchId, 'preview', file);
export const importRoster = (branchId: number, file: File) => postRoster(branchId, 'import', file);

export function usePreviewRoster(branchId: number) {
  return useMutation({ mutationFn: (file: File) => previewRoster(branchId, file) });
}

/** An import changes the roll: rosters, counts (['orgs',…]), members and scores are refreshed by prefix. */
export function useImportRoster(branchId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => importRoster(branchId, file),
    onSuccess: () => Promise.all(['orgs', 'members', 'quality'].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}
