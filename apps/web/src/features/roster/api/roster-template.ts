import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '@/lib/api-client';

/** 下载导入模板: the blank roster with its 填写说明 sheet. */
export const downloadRosterTemplate = () => apiDownload('/roster/template', { fallbackName: '党员名册导入模板.xlsx' }).then((d) => d.filename);

export function useDownloadRosterTemplate() {
  return useMutation({ mutationFn: downloadRosterTemplate });
}
