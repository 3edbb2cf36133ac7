import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.js';
import { disconnectSignal, WorkerPool, workerUrl } from '../lib/worker-pool.js';
import type { DescribedRoute, DocsAnswer, DocsJob } from './docs-worker.js';

/** The prefix of the API description: the Swagger UI, its static files, /json and /yaml. */
export const DOCS_PREFIX = '/api/docs';

/** Response headers of the docs app that the main app sets itself (or that belong to one connection). */
const NOT_COPIED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/**
 * The OpenAPI document and the Swagger UI under /api/docs, made and served
 * off the event loop: @fastify/swagger and @fastify/swagger-ui (their
 * modules, the UI's static files, the document and its YAML) cost a start
 * about as much as all the API's routes together, and loading the UI's
 * modules alone held the event loop 50–65 ms (measured by bench/cold.bench.ts
 * as the worst stall after a start, issue 11 goal 5).
 *
 * Every API route registered after this plugin is noted as it is added (what
 * @fastify/swagger's own hook would collect). On the first request for the
 * docs, each route's zod schemas are converted to JSON Schema here (the zod
 * objects live on this thread) in slices of at most SLICE_MS between which
 * the event loop runs, once per process; the docs app itself — @fastify/swagger
 * and @fastify/swagger-ui on a never-listening Fastify instance — is made and
 * kept in a worker thread (docs-worker.ts), and each /api/docs request is
 * answered by injecting it there. Nothing of it is made until someone opens
 * the docs. The routes here take the login-only policy (`access: {}`): the auth
 * plugin's hook refuses the anonymous before anything is built, with the
 * usual error body.
 */
export default fp(async (app) => {
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    // The very object, as @fastify/swagger's hook keeps it: a later hook's change to it is seen too.
    // Only the API is described (the SPA's files were hidden from the document before as well).
    if (route.url.startsWith('/api/') && !route.url.startsWith(DOCS_PREFIX)) routes.push(route);
  });

  let described: Promise<string> | undefined;
  const routesJson = () => {
    described ??= describe(routes);
    // A failed conversion is not kept: the next request tries again.
    described.catch(() => { described = undefined; });
    return described;
  };

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const res = await docsPool.run<DocsAnswer>({
      routesJson: await routesJson(), openapi: OPENAPI, prefix: DOCS_PREFIX, url: req.url,
      // A HEAD is answered as its GET (the main app leaves the body out); the docs app exposes no HEAD routes of its own.
      headers: pick(req.headers, ['accept', 'accept-encoding', 'if-none-match', 'if-modified-since', 'host']),
    } satisfies DocsJob, { signal: disconnectSignal(reply.raw) });
    // What the docs app does not have is not found here either, with the usual error body.
    if (res.status === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(res.headers)) if (!NOT_COPIED.has(name) && value !== undefined) reply.header(name, value);
    // An empty answer (a redirect) goes out empty, without a content type of its own.
    return reply.code(res.status).send(res.body.byteLength > 0 ? Buffer.from(res.body.buffer, res.body.byteOffset, res.body.byteLength) : undefined);
  };
  for (const url of [DOCS_PREFIX, `${DOCS_PREFIX}/*`]) app.route({ method: 'GET', url, config: { access: {} }, handler });
  app.addHook('onClose', async () => { await docsPool.close(); });
});

/** The longest the making of the document runs before it lets the event loop go on. */
const SLICE_MS = 10;
/** The document's OpenAPI version (stated: @fastify/swagger's default) and title; the zod schemas are converted for that version. */
const OPENAPI = { openapi: '3.0.3', info: { title: '卫健党建质量平台 API', version: '0.1.0' } };

/** The worker thread that makes the docs app and answers its requests: started by the first, kept while someone reads them. */
const docsPool = new WorkerPool({
  name: 'api-docs',
  url: workerUrl('docs-worker', import.meta.url),
  parallel: 1,
  maxWaiting: 100,
  busyMessage: '服务器繁忙，请稍后再试',
  timeoutMs: 120_000,
  timeoutError: () => new AppError(503, 'BUSY', '接口文档生成超时，请稍后再试'),
  crashError: () => new AppError(500, 'INTERNAL', '接口文档生成失败'),
  heapMb: 256,
  idleMs: 5 * 60_000,
});

/** Runs `step` for each item, letting the event loop run whenever SLICE_MS have passed. */
async function inSlices<T>(items: Iterable<T>, step: (item: T) => void): Promise<void> {
  let since = performance.now();
  for (const item of items) {
    step(item);
    if (performance.now() - since >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/** Each route's schemas converted to JSON Schema, as @fastify/swagger's transform would, in slices on this thread (the zod schemas live here). */
async function describe(routes: RouteOptions[]): Promise<string> {
  const described = new Map<string, DescribedRoute>();
  const openapiObject = { openapi: OPENAPI.openapi };
  await inSlices(routes, (route) => {
    const key = `${String(route.method)} ${route.url}`;
    if (described.has(key)) return; // HEAD routes were noted like the others: described as noted, not made again
    const schema = route.schema ? jsonSchemaTransform({ schema: route.schema, url: route.url, openapiObject } as Parameters<typeof jsonSchemaTransform>[0]).schema : undefined;
    described.set(key, { method: route.method, url: route.url, schema: schema as DescribedRoute['schema'] });
  });
  // Sent to the worker with every request as one string (copied, not walked, by the structured clone).
  return JSON.stringify([...described.values()]);
}


function pick(headers: FastifyRequest['headers'], names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
