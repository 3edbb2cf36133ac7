import type { ErrorBody } from '@wj/domain/schemas';

/**
 * The one API client of the SPA: JSON requests, file downloads and uploads all
 * go through `send`, so every answer fails the same way (an ApiError with the
 * server's Chinese message) and a lost session goes to the login page from one
 * place. Nothing else in src/ calls fetch (src/architecture.test.ts checks).
 */

export const FALLBACK_ERROR_MESSAGE = '服务器暂时无法响应，请稍后重试';
const TOO_LARGE_MESSAGE = '文件过大，无法上传';

export type FieldDetail = { field: string; message: string };

/** An API failure carrying the server's Chinese message, ready to show to the user. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldDetail[] = [],
    /** The whole parsed error body, for the rare caller that needs more than `error` (the roster's row report). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  method?: Method;
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/** What an upload is doing: sending the file (with the share sent), then waiting while the server checks it. */
export type UploadProgress = { phase: 'sending'; percent: number } | { phase: 'checking' };

interface SendInit {
  method: Method;
  query?: QueryParams;
  headers: Record<string, string>;
  body?: BodyInit;
  signal?: AbortSignal;
  /** Only uploads ask for it: fetch cannot report upload progress, XMLHttpRequest can. */
  onProgress?: (p: UploadProgress) => void;
}

function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as Partial<ErrorBody> | null)?.error;
  return typeof error === 'object' && error !== null && typeof error.message === 'string';
}

/** The server's error body `{ error: { code, message, details } }` as an ApiError; a fallback message otherwise. */
async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details ?? [], body);
  }
  return new ApiError(res.status, 'UNKNOWN', res.status === 413 ? TOO_LARGE_MESSAGE : FALLBACK_ERROR_MESSAGE, [], body);
}

/**
 * The one place a 401 is handled: the session is gone (expired, logged out
 * elsewhere), so go to the login page and come back here afterwards. A failed
 * login itself and the layout's own who-am-I check are left to their callers.
 */
function redirectToLogin(path: string) {
  if (path === '/auth/login' || path === '/auth/me' || typeof window === 'undefined') return;
  if (window.location.pathname.startsWith('/login')) return;
  const from = window.location.pathname + window.location.search;
  window.location.assign(`/login?from=${encodeURIComponent(from)}`);
}

function sendWithProgress(url: string, init: SendInit, onProgress: (p: UploadProgress) => void): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(init.method, url);
    xhr.withCredentials = true;
    xhr.responseType = 'blob';
    for (const [name, value] of Object.entries(init.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      onProgress(e.loaded < e.total ? { phase: 'sending', percent: Math.round((e.loaded / e.total) * 100) } : { phase: 'checking' });
    };
    xhr.upload.onload = () => onProgress({ phase: 'checking' });
    xhr.onerror = () => reject(new TypeError('Network request failed'));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    init.signal?.addEventListener('abort', () => xhr.abort());
    xhr.onload = () => {
      const headers = new Headers();
      for (const line of xhr.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      resolve(new Response(xhr.response as Blob, { status: xhr.status, headers }));
    };
    onProgress({ phase: 'sending', percent: 0 });
    xhr.send((init.body ?? null) as XMLHttpRequestBodyInit | null);
  });
}

/** Sends one request and returns the successful response; every failure becomes an ApiError here. */
async function send(path: string, init: SendInit): Promise<Response> {
  const url = buildUrl(path, init.query);
  let res: Response;
  try {
    res = init.onProgress && typeof XMLHttpRequest !== 'undefined'
      ? await sendWithProgress(url, init, init.onProgress)
      : await fetch(url, { method: init.method, credentials: 'same-origin', headers: init.headers, body: init.body, signal: init.signal });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK', FALLBACK_ERROR_MESSAGE);
  }
  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401) redirectToLogin(path);
    throw error;
  }
  return res;
}

async function readJson<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', FALLBACK_ERROR_MESSAGE);
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  const headers: Record<string, string> = body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' };
  const res = await send(path, { method, query, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  return readJson<T>(res);
}

export const apiGet = <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
  apiRequest<T>(path, { query, signal });

/** RFC 6266 / RFC 5987: prefer the UTF-8 `filename*` (the real Chinese name) over the ASCII `filename`. */
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

export interface FileAnswer {
  blob: Blob;
  /** The server's name (Content-Disposition), else the caller's fallback. */
  filename: string;
}

async function readFile(res: Response, fallbackName: string): Promise<FileAnswer> {
  return { blob: await res.blob(), filename: filenameFromDisposition(res.headers.get('content-disposition'), fallbackName) };
}

/** Hands a blob to the browser as a download named `filename`. */
function saveBlob(blob: Blob, filename: string) {
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

export interface Downloaded {
  filename: string;
  size: number;
}

interface FileOptions {
  query?: QueryParams;
  /** The name to save under when the server names none. */
  fallbackName: string;
  signal?: AbortSignal;
}

/** GETs a file the API sends as an attachment, as a blob with the server's file name. */
export async function apiFile(path: string, { query, fallbackName, signal }: FileOptions): Promise<FileAnswer> {
  const res = await send(path, { method: 'GET', query, headers: { Accept: '*/*' }, signal });
  return readFile(res, fallbackName);
}

/**
 * Downloads a file and hands it to the browser under the server's (Chinese)
 * name. fetch → blob rather than a plain link, so the page can show progress
 * and the server's message if it refuses, and an expired session goes to login.
 */
export async function apiDownload(path: string, options: FileOptions): Promise<Downloaded> {
  const { blob, filename } = await apiFile(path, options);
  saveBlob(blob, filename);
  return { filename, size: blob.size };
}

interface UploadOptions {
  query?: QueryParams;
  /** Extra request headers (e.g. X-File-Name); Content-Type defaults to the file's type. */
  headers?: Record<string, string>;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

function uploadInit(body: Blob | FormData, { query, headers, onProgress, signal }: UploadOptions, accept: string): SendInit {
  // FormData sets its own multipart boundary; a raw file is sent as its own type.
  const type: Record<string, string> = body instanceof Blob ? { 'Content-Type': body.type || 'application/octet-stream' } : {};
  return { method: 'POST', query, headers: { Accept: accept, ...type, ...headers }, body, onProgress, signal };
}

/** POSTs a file (raw body) or a FormData and reads the JSON answer. */
export async function apiUpload<T>(path: string, body: Blob | FormData, options: UploadOptions = {}): Promise<T> {
  return readJson<T>(await send(path, uploadInit(body, options, 'application/json')));
}

/** POSTs a file and saves the file the server answers with (e.g. the same sheet marked up). */
export async function apiUploadForDownload(path: string, body: Blob | FormData, options: UploadOptions & { fallbackName: string }): Promise<Downloaded> {
  const { blob, filename } = await readFile(await send(path, uploadInit(body, options, '*/*')), options.fallbackName);
  saveBlob(blob, filename);
  return { filename, size: blob.size };
}

/** The message to show for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : FALLBACK_ERROR_MESSAGE;
}
