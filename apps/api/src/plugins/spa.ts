import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Where the build puts its content-hashed files (vite's `build.assetsDir`). */
const ASSETS = '/assets/';
/** A hashed file never changes under its name: a browser may keep it for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The build's pre-compressed siblings, in the order preferred when the browser accepts several equally. */
const ENCODINGS = [{ name: 'br', ext: '.br' }, { name: 'gzip', ext: '.gz' }] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'application/javascript; charset=utf-8', '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
  '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2',
  '.ttf': 'font/ttf', '.wasm': 'application/wasm', '.webmanifest': 'application/manifest+json',
};

/** One file of the build, by its URL path, with the encodings it was written in beside it. */
interface Entry { file: string; type: string; encodings: Encoding[]; cacheControl: string }

/**
 * In production one process serves both the API and the built SPA. Unknown
 * non-API GETs get index.html so client-side routes survive a reload; unknown
 * API paths get the usual error body.
 *
 * The files are the ones in the build folder at start (a release restarts the
 * server), listed once, by URL; a request names one of them exactly or none
 * (no path is joined from what the caller sent). The build writes a .br and a
 * .gz beside each hashed asset (apps/web vite.config.ts): the one the
 * browser's Accept-Encoding prefers is sent, with `Vary: Accept-Encoding`,
 * and the plain file otherwise; the siblings are no URLs of their own. Hashed
 * assets are immutable; index.html is revalidated on every load (`no-cache`:
 * ETag and Last-Modified, answered 304 while unchanged), so a release is
 * picked up at once.
 *
 * Served here rather than by @fastify/static, whose modules (glob, send) and
 * route per file took a start about as long as every API route together.
 */
export default fp<{ root: string }>(async (app, opts) => {
  const files = existsSync(opts.root) ? listBuild(opts.root) : null;
  if (files) {
    app.get('/*', async (req, reply) => {
      const entry = files.get(urlPath(req));
      return entry ? sendEntry(req, reply, entry) : reply.callNotFound();
    });
  } else {
    app.log.warn(`SPA build not found at ${opts.root}; serving the API only`);
  }
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0]!;
    // A missing asset stays a 404: index.html in its place would reach the browser as a script
    // (a MIME error instead of a failed import, which the app turns into 刷新页面).
    const isAsset = path.startsWith(ASSETS);
    const index = files?.get('/index.html');
    if (index && req.method === 'GET' && !isAsset && !path.startsWith('/api')) return sendEntry(req, reply.code(200), index);
    const message = isAsset ? `文件不存在：${path}` : `接口不存在：${req.method} ${path}`;
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message } });
  });
});

/** Every file under the build folder by URL path ('/' is index.html), its compressed siblings folded into it. */
function listBuild(root: string): Map<string, Entry> {
  const all = new Set<string>();
  const walk = (dir: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) walk(path);
      else if (d.isFile()) all.add(path);
    }
  };
  walk(root);
  const files = new Map<string, Entry>();
  for (const file of all) {
    if (ENCODINGS.some((e) => file.endsWith(e.ext))) continue;
    const url = `/${relative(root, file).split(sep).join('/')}`;
    files.set(url, {
      file,
      type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      encodings: ENCODINGS.filter((e) => all.has(file + e.ext)).map((e) => e.name),
      cacheControl: url.startsWith(ASSETS) ? IMMUTABLE : 'no-cache',
    });
  }
  const index = files.get('/index.html');
  if (index) files.set('/', index);
  return files;
}

function urlPath(req: FastifyRequest): string {
  const path = req.url.split('?')[0]!;
  try { return decodeURIComponent(path); } catch { return ''; }
}

/** The encoding to send: the accepted one with the highest q among those written, br before gzip on a tie; none for identity. */
export function chooseEncoding(header: string | undefined, available: readonly Encoding[]): Encoding | undefined {
  if (!header || available.length === 0) return undefined;
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  let best: Encoding | undefined;
  let bestQ = 0;
  for (const enc of available) {
    const value = q.get(enc) ?? q.get('*') ?? 0;
    if (value > bestQ) { best = enc; bestQ = value; }
  }
  return best;
}

async function sendEntry(req: FastifyRequest, reply: FastifyReply, entry: Entry) {
  const encoding = chooseEncoding(req.headers['accept-encoding'], entry.encodings);
  const file = encoding ? entry.file + ENCODINGS.find((e) => e.name === encoding)!.ext : entry.file;
  let info;
  try {
    info = await stat(file);
  } catch {
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `文件不存在：${req.url.split('?')[0]}` } });
  }
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
  reply.header('Cache-Control', entry.cacheControl).header('Content-Type', entry.type).header('ETag', etag).header('Last-Modified', lastModified.toUTCString());
  if (entry.encodings.length > 0) reply.header('Vary', 'Accept-Encoding');
  if (encoding) reply.header('Content-Encoding', encoding);
  if (notModified(req, etag, lastModified)) return reply.code(304).send();
  reply.header('Content-Length', info.size);
  return reply.send(createReadStream(file));
}

/** A conditional GET the browser's copy still answers: If-None-Match names this ETag, or (without it) If-Modified-Since is not older than the file. */
function notModified(req: FastifyRequest, etag: string, lastModified: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => { const tag = t.trim(); return tag === '*' || tag === etag || tag === etag.slice(2); });
  const ims = req.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && lastModified.getTime() <= since;
}
