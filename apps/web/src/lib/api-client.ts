import type { ErrorBody } from '@wj/domain/schemas';

export const FALLBACK_ERROR_MESSAGE = '服务器暂时无法响应，请稍后重试';

/** An API failure carrying the server's Chinese message, ready to show to the user. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
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

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.details);
  }
  return new ApiError(res.status, 'UNKNOWN', FALLBACK_ERROR_MESSAGE);
}

/**
 * The one place a 401 is handled: the session is gone (expired, logged out
 * elsewhere), so go to the login page and come back here afterwards. A failed
 * login itself and the layout's own who-am-I check are left to their callers.
 */
function handleUnauthorized(path: string, error: ApiError): never {
  if (path !== '/auth/login' && path !== '/auth/me' && typeof window !== 'undefined' && !window.location.pathname.startsWith('/login')) {
    const from = window.location.pathname + window.location.search;
    window.location.assign(`/login?from=${encodeURIComponent(from)}`);
  }
  throw error;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal } = options;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(0, 'NETWORK', FALLBACK_ERROR_MESSAGE);
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401) handleUnauthorized(path, error);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', FALLBACK_ERROR_MESSAGE);
  }
}

export const apiGet = <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
  apiRequest<T>(path, { query, signal });

/** The message to show for any error a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : FALLBACK_ERROR_MESSAGE;
}
