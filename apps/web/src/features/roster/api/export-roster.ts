import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../lib/http-file';

/** 导出名册: the org's (sub-tree's) members on the roll; masked below admin, named by the server. */
export const exportRoster = (orgId: number) => downloadFile(`/orgs/${orgId}/roster/export`, '党员名册.xlsx');

export function useExportRoster(orgId: number) {
  return useMutation({ mutationFn: () => exportRoster(orgId) });
}
