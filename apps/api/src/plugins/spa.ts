import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Where the build puts its content-hashed files (vite's `build.assetsDir`). */
const ASSETS = '/assets/';
/** A hashed file never changes under its name: a browser may keep it for a year without asking again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * In production one process serves both the API and the built SPA. Unknown
 * non-API GETs get index.html so client-side routes survive a reload; unknown
 * API paths get the usual error body.
 *
 * The build writes a .br and a .gz beside each hashed asset (apps/web
 * vite.config.ts); @fastify/static's `preCompressed` sends the one the
 * browser's Accept-Encoding prefers, with `Vary: Accept-Encoding`, and the
 * plain file otherwise. Hashed assets are immutable; index.html is
 * revalidated on every load (`no-cache`), so a release is picked up at once.
 * https://github.com/fastify/fastify-static#precompressed
 */
export default fp<{ root: string }>(async (app, opts) => {
  const serveSpa = existsSync(opts.root);
  if (serveSpa) {
    await app.register(fastifyStatic, {
      root: opts.root,
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
      // The compressed siblings are encodings of their file, not URLs of their own.
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply, path) => {
        // `path` is the file actually sent, possibly the .br or .gz sibling.
        const servedFrom = `/${relative(opts.root, path).split(sep).join('/')}`;
        reply.header('Cache-Control', servedFrom.startsWith(ASSETS) ? IMMUTABLE : 'no-cache');
      },
    });
  } else {
    app.log.warn(`SPA build not found at ${opts.root}; serving the API only`);
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    // A missing asset stays a 404: index.html in its place would reach the browser as a script
    // (a MIME error instead of a failed import, which the app turns into 刷新页面).
    const isAsset = path.startsWith(ASSETS);
    if (serveSpa && req.method === 'GET' && !isAsset && !path.startsWith('/api')) return reply.sendFile('index.html');
    const message = isAsset ? `文件不存在：${path}` : `接口不存在：${req.method} ${path}`;
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message } });
  });
});
