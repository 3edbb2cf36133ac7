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

/** Hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a file response under the server's (Chinese) name; returns that name. */
export async function saveResponse(res: Response, fallbackName: string): Promise<string> {
  const filename = filenameFromDisposition(res.headers.get('content-disposition'), fallbackName);
  saveBlob(await res.blob(), filename);
  return filename;
}

/** Downloads a file the API sends as an attachment and hands it to the browser under the server's name. */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const res = await fetchFile(path, { headers: { Accept: `${XLSX_TYPE}, application/json` } });
  return saveResponse(res, fallbackName);
}

/** What an upload is doing: sending the file (with the share sent), then waiting while the server checks it. */
export type UploadProgress = { phase: 'sending'; percent: number } | { phase: 'checking' };

/**
 * POSTs a file as the raw request body and reports progress (fetch cannot
 * report upload progress; XMLHttpRequest can). Fails like fetchFile.
 */
export function postFileWithProgress(path: string, file: File, onProgress?: (p: UploadProgress) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.responseType = 'blob';
    xhr.setRequestHeader('Content-Type', XLSX_TYPE);
    xhr.setRequestHeader('Accept', `application/json, ${XLSX_TYPE}`);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      onProgress?.(e.loaded < e.total ? { phase: 'sending', percent: Math.round((e.loaded / e.total) * 100) } : { phase: 'checking' });
    };
    xhr.upload.onload = () => onProgress?.({ phase: 'checking' });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', FALLBACK_ERROR_MESSAGE));
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      const res = new Response(xhr.response as Blob, { status: xhr.status, headers });
      if (res.ok) resolve(res);
      else void failure(res).then(reject);
    };
    onProgress?.({ phase: 'sending', percent: 0 });
    xhr.send(file);
  });
}
