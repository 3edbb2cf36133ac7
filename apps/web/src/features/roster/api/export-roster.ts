import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '@/lib/api-client';

/** 导出名册: the org's (sub-tree's) members on the roll; masked below admin, named by the server. */
export const exportRoster = (orgId: number) => apiDownload(`/orgs/${orgId}/roster/export`, { fallbackName: '党员名册.xlsx' }).then((d) => d.filename);

export function useExportRoster(orgId: number) {
  return useMutation({ mutationFn: () => exportRoster(orgId) });
}
