import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/**
 * In production one process serves both the API and the built SPA. Unknown
 * non-API GETs get index.html so client-side routes survive a reload; unknown
 * API paths get the usual error body.
 */
export default fp<{ root: string }>(async (app, opts) => {
  const serveSpa = existsSync(opts.root);
  if (serveSpa) {
    await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: 'index.html' });
  } else {
    app.log.warn(`SPA build not found at ${opts.root}; serving the API only`);
  }
  app.setNotFoundHandler((req, reply) => {
    if (serveSpa && req.method === 'GET' && !req.url.startsWith('/api')) return reply.sendFile('index.html');
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
  });
});
