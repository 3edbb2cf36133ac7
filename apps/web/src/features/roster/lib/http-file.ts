import { ApiError, FALLBACK_ERROR_MESSAGE } from '@/lib/api-client';
import type { RosterReport } from '@wj/domain/schemas';

/**
 * The roster's endpoints move files, not JSON, which the shared api-client
 * does not do: these helpers call fetch directly but fail the same way
 * (an ApiError with the server's Chinese message; 401 goes to the login page).
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A refused upload: the server's message, plus the row report when rows were the problem. */
export class RosterUploadError extends ApiError {
  report?: RosterReport;
}

interface ErrorPayload { error?: { code?: string; message?: string; details?: { field: string; message: string }[] }; report?: RosterReport }

async function failure(res: Response): Promise<RosterUploadError> {
  const body = (await res.json().catch(() => null)) as ErrorPayload | null;
  const error = body?.error?.message
    ? new RosterUploadError(res.status, body.error.code ?? 'UNKNOWN', body.error.message, body.error.details ?? [])
    : new RosterUploadError(res.status, 'UNKNOWN', res.status === 413 ? '文件过大，无法上传' : FALLBACK_ERROR_MESSAGE);
  error.report = body?.report;
  if (res.status === 401 && !window.location.pathname.startsWith('/login')) {
    window.location.assign(`/login?from=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  return error;
}

export async function fetchFile(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { credentials: 'same-origin', ...init });
  } catch {
    throw new ApiError(0, 'NETWORK', FALLBACK_ERROR_MESSAGE);
  }
  if (!res.ok) throw await failure(res);
  return res;
}

/** RFC 6266: prefer the UTF-8 `filename*` (the real Chinese name) over the ASCII fallback. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  const extended = header && /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch { /* a malformed name falls through to the plain one */ }
  }
  const plain = header && /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Downloads a file the API sends as an attachment and hands it to the browser under the server's name. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetchFile(path, { headers: { Accept: `${XLSX_TYPE}, application/json` } });
  const filename = filenameFromDisposition(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}
