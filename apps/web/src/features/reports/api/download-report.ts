import { useMutation } from '@tanstack/react-query';
import { ApiError, FALLBACK_ERROR_MESSAGE } from '@/lib/api-client';
import { filenameFromDisposition, type ReportFile } from '../lib/report-files';

export interface DownloadParams {
  year: number | undefined;
  unitId: number | null;
}

export interface Downloaded {
  filename: string;
  size: number;
}

/** Hands a blob to the browser as a download under the given name. */
function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start reading the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Generates one export on the server and downloads it. fetch → blob rather
 * than a plain link, so the page can show 正在生成… while the server works
 * and the server's Chinese message if it refuses or fails.
 */
export async function downloadReport(file: ReportFile, { year, unitId }: DownloadParams): Promise<Downloaded> {
  const params = new URLSearchParams();
  if (file.yearly && year !== undefined) params.set('year', String(year));
  if (unitId !== null) params.set('unitId', String(unitId));
  const qs = params.toString();
  let res: Response;
  try {
    res = await fetch(`/api${file.path}${qs ? `?${qs}` : ''}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', FALLBACK_ERROR_MESSAGE);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const message = res.status === 401 ? '登录已失效，请重新登录后再下载' : body?.error?.message ?? `生成失败（${res.status}），请稍后重试`;
    throw new ApiError(res.status, body?.error?.code ?? 'DOWNLOAD_FAILED', message);
  }
  const blob = await res.blob();
  const filename = filenameFromDisposition(res.headers.get('content-disposition'), `${file.title}.${file.format === 'Word' ? 'docx' : 'xlsx'}`);
  save(blob, filename);
  return { filename, size: blob.size };
}

export function useDownloadReport(file: ReportFile) {
  return useMutation({ mutationFn: (params: DownloadParams) => downloadReport(file, params) });
}
