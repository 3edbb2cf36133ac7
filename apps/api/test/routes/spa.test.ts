import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { openTestDb } from '../helpers/db.js';

/**
 * The built SPA as the API serves it: a temp dist folder laid out as vite
 * writes it, with one hashed script and its build-time .br and .gz siblings.
 */
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>';
// Long and repetitive, so that each encoding is much smaller than the file.
const SCRIPT = `export const pages = [${Array.from({ length: 400 }, (_, i) => `"第${i}页"`).join(',')}];\n`;
const ASSET = '/assets/app-Ab12Cd34.js';

let dir: string;
let opened: Awaited<ReturnType<typeof openTestDb>>;
let app: Awaited<ReturnType<typeof buildApp>>;
const sizes = { br: 0, gz: 0 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-spa-test-'));
  const dist = join(dir, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, ASSET), SCRIPT);
  const br = brotliCompressSync(SCRIPT);
  const gz = gzipSync(SCRIPT);
  writeFileSync(join(dist, `${ASSET}.br`), br);
  writeFileSync(join(dist, `${ASSET}.gz`), gz);
  sizes.br = br.length;
  sizes.gz = gz.length;
  app = await buildApp({ config: { WEB_DIST: dist, LOG_LEVEL: 'silent' }, db: (opened = await openTestDb(dir)).db, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('a hashed asset', () => {
  it('goes out as the brotli file when the browser accepts brotli', async () => {
    const res = await get(ASSET, 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.rawPayload.length).toBe(sizes.br);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('goes out as the gzip file when the browser accepts only gzip', async () => {
    const res = await get(ASSET, 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.rawPayload.length).toBe(sizes.gz);
    expect(gunzipSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('goes out as the file itself when the browser accepts no compression', async () => {
    for (const acceptEncoding of [undefined, 'identity']) {
      const res = await get(ASSET, acceptEncoding);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body).toBe(SCRIPT);
    }
  });

  it('is cacheable for a year without revalidation, whichever encoding, and says it varies on Accept-Encoding', async () => {
    for (const acceptEncoding of ['br', 'gzip', undefined]) {
      const res = await get(ASSET, acceptEncoding);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    }
  });

  it('keeps the security headers', async () => {
    const res = await get(ASSET, 'br');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('index.html and client-side routes', () => {
  it('serves index.html for / and /index.html, revalidated on every load', async () => {
    for (const url of ['/', '/index.html']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toBe(INDEX);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    }
  });

  it('answers a revalidation with 304 while index.html is unchanged, and with the page when the ETag is another', async () => {
    const first = await get('/');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const same = await app.inject({ url: '/', headers: { 'if-none-match': etag } });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    const other = await app.inject({ url: '/', headers: { 'if-none-match': 'W/"0-0"' } });
    expect(other.statusCode).toBe(200);
    expect(other.body).toBe(INDEX);
  });

  it('answers a client-side route with index.html (a reload of /orgs/12 keeps working)', async () => {
    const res = await get('/orgs/12?tab=committee', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('what is not there', () => {
  it('answers an unknown asset with 404, not with index.html', async () => {
    for (const url of ['/assets/x.js', '/assets/app-Zz99Yy88.js', '/assets/app-Ab12Cd34.css']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.body).not.toContain('<!doctype html>');
    }
  });

  it('does not serve the compressed siblings as URLs of their own', async () => {
    for (const url of [`${ASSET}.br`, `${ASSET}.gz`]) expect((await get(url)).statusCode, url).toBe(404);
  });

  it('still answers an unknown API path with the error body', async () => {
    const res = await get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
