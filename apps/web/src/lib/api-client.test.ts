import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiDownload, apiGet, apiRequest, apiUpload, FALLBACK_ERROR_MESSAGE, filenameFromDisposition } from './api-client';

function answer(status: number, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  const payload = typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
  vi.stubGlobal('fetch', vi.fn(async () => new Response(payload, { status, headers })));
}

const assign = vi.fn();
const clicked: { download: string; href: string }[] = [];

beforeEach(() => {
  assign.mockReset();
  clicked.length = 0;
  // The browser pieces the client touches: where the user is, and the <a download> it clicks.
  vi.stubGlobal('window', { location: { pathname: '/orgs/7', search: '?tab=members', assign } });
  vi.stubGlobal('document', {
    createElement: () => {
      const link = { href: '', download: '', click: () => clicked.push({ download: link.download, href: link.href }), remove: () => undefined };
      return link;
    },
    body: { append: () => undefined },
  });
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined }));
});

afterEach(() => vi.unstubAllGlobals());

const downloadReport = () => apiDownload('/reports/annual.docx', { query: { year: 2025 }, fallbackName: '年度报告.docx' });

describe('apiGet', () => {
  it('requests under /api with the non-empty query parameters only', async () => {
    answer(200, { ok: true });
    await apiGet('/orgs/3/members', { page: 2, q: '', employment: undefined, category: 'full' });
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/orgs/3/members?page=2&category=full');
  });

  it('falls back to a Chinese message when the body is not an error body', async () => {
    answer(502, '<html>Bad Gateway</html>');
    await expect(apiGet('/health')).rejects.toMatchObject({ status: 502, message: FALLBACK_ERROR_MESSAGE });
  });

  it('reports a network failure with the fallback message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    await expect(apiGet('/health')).rejects.toMatchObject({ status: 0, message: FALLBACK_ERROR_MESSAGE });
  });
});

describe('errors are parsed the same for JSON, downloads and uploads', () => {
  const body = { error: { code: 'VALIDATION', message: '年度不正确', details: [{ field: 'year', message: '年度须在 2000 年以后' }] } };
  const calls = {
    json: () => apiRequest('/orgs/999', { method: 'PUT', body: { name: 'x' } }),
    download: downloadReport,
    upload: () => apiUpload('/meetings/1/attachments', new Blob(['x'], { type: 'image/png' })),
  };

  for (const [kind, call] of Object.entries(calls)) {
    it(`${kind}: the error body becomes an ApiError with code, message and details`, async () => {
      answer(400, body);
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 400, code: 'VALIDATION', message: '年度不正确', details: [{ field: 'year', message: '年度须在 2000 年以后' }], isClientError: true });
      expect(assign).not.toHaveBeenCalled();
    });
  }

  it('a download that fails saves nothing', async () => {
    answer(500, { error: { code: 'INTERNAL', message: '报告生成失败' } });
    await expect(downloadReport()).rejects.toMatchObject({ status: 500, message: '报告生成失败' });
    expect(clicked).toEqual([]);
  });
});

describe('401: an expired session goes to the login page', () => {
  const expired = { error: { code: 'UNAUTHORIZED', message: '请先登录' } };

  it('from a JSON request, coming back to the same page afterwards', async () => {
    answer(401, expired);
    await expect(apiGet('/orgs/tree')).rejects.toMatchObject({ status: 401, message: '请先登录' });
    expect(assign).toHaveBeenCalledWith(`/login?from=${encodeURIComponent('/orgs/7?tab=members')}`);
  });

  it('from a download, the same way', async () => {
    answer(401, expired);
    await expect(downloadReport()).rejects.toMatchObject({ status: 401, message: '请先登录' });
    expect(assign).toHaveBeenCalledWith(`/login?from=${encodeURIComponent('/orgs/7?tab=members')}`);
    expect(clicked).toEqual([]);
  });

  it('but not from the login request itself', async () => {
    answer(401, { error: { code: 'UNAUTHORIZED', message: '用户名或密码错误' } });
    await expect(apiRequest('/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({ message: '用户名或密码错误' });
    expect(assign).not.toHaveBeenCalled();
  });
});

describe('apiDownload', () => {
  it('saves the file under the UTF-8 name of Content-Disposition (RFC 5987) and reports its size', async () => {
    const name = '2025年度基层党组织建设质量报告.docx';
    answer(200, new Blob(['12345']), { 'Content-Disposition': `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(name)}` });
    await expect(downloadReport()).resolves.toEqual({ filename: name, size: 5 });
    expect(vi.mocked(fetch).mock.calls[0]?.[0]).toBe('/api/reports/annual.docx?year=2025');
    expect(clicked).toEqual([{ download: name, href: 'blob:test' }]);
  });
});

describe('filenameFromDisposition', () => {
  it('prefers filename* over the ASCII filename', () => {
    const header = `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent('市人民医院党委党员名册.xlsx')}`;
    expect(filenameFromDisposition(header, 'x.xlsx')).toBe('市人民医院党委党员名册.xlsx');
  });

  it('falls back to the plain name, then to the given one', () => {
    expect(filenameFromDisposition('attachment; filename="roster.xlsx"', 'x.xlsx')).toBe('roster.xlsx');
    expect(filenameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
    expect(filenameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
