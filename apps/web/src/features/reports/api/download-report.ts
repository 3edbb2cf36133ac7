import { useMutation } from '@tanstack/react-query';
import { apiDownload, type Downloaded } from '@/lib/api-client';
import type { ReportFile } from '../lib/report-files';

export interface DownloadParams {
  year: number | undefined;
  unitId: number | null;
}

export type { Downloaded };

/**
 * Generates one export on the server and downloads it through the shared
 * client (blob, so the page can show 正在生成… and the server's message; an
 * expired session goes to the login page like every other request).
 */
export const downloadReport = (file: ReportFile, { year, unitId }: DownloadParams): Promise<Downloaded> =>
  apiDownload(file.path, {
    query: { year: file.yearly ? year : undefined, unitId },
    fallbackName: `${file.title}.${file.format === 'Word' ? 'docx' : 'xlsx'}`,
  });

export function useDownloadReport(file: ReportFile) {
  return useMutation({ mutationFn: (params: DownloadParams) => downloadReport(file, params) });
}
