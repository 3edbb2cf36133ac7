import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../lib/http-file';

/** 下载导入模板: the blank roster with its 填写说明 sheet. */
export const downloadRosterTemplate = () => downloadFile('/roster/template', '党员名册导入模板.xlsx');

export function useDownloadRosterTemplate() {
  return useMutation({ mutationFn: downloadRosterTemplate });
}
