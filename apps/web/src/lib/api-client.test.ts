import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet, FALLBACK_ERROR_MESSAGE } from './api-client';

function answer(status: number, body: unknown) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal('fetch', vi.fn(async () => new Response(text, { status, headers: { 'Content-Type': 'application/json' } })));
}

afterEach(() => vi.unstubAllGlobals());

describe('apiGet', () => {
  it('requests under /api with the non-empty query parameters only', async () => {
    answer(200, { ok: true });
    await apiGet('/orgs/3/members', { page: 2, q: '', employment: undefined, category: 'full' });
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/orgs/3/members?page=2&category=full');
  });

  it('turns the error body into an ApiError carrying the Chinese message', async () => {
    answer(404, { error: { code: 'NOT_FOUND', message: '组织不存在' } });
    const error = await apiGet('/orgs/999').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: '组织不存在', isClientError: true });
  });

  it('falls back to a Chinese message when the body is not an error body', async () => {
    answer(502, '<html>Bad Gateway</html>');
    await expect(apiGet('/health')).rejects.toMatchObject({ status: 502, message: FALLBACK_ERROR_MESSAGE });
  });

  it('reports a network failure with the fallback message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(apiGet('/health')).rejects.toMatchObject({ status: 0, message: FALLBACK_ERROR_MESSAGE });
  });

  it('throws on 401 so the caller sees the server message', async () => {
    answer(401, { error: { code: 'UNAUTHORIZED', message: '请先登录' } });
    await expect(apiGet('/orgs/tree')).rejects.toMatchObject({ status: 401, message: '请先登录' });
  });
});
