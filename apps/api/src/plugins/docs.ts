import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.js';
import { WorkerPool, workerUrl } from '../lib/worker-pool.js';
import type { DescribedRoute } from './docs-worker.js';

/** The prefix of the API description: the Swagger UI, its static files, /json and /yaml. */
export const DOCS_PREFIX = '/api/docs';

/** Response headers of the docs app that the main app sets itself (or that belong to one connection). */
const NOT_COPIED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/**
 * The OpenAPI document and the Swagger UI under /api/docs, made after the
 * start instead of during it: @fastify/swagger and
 * @fastify/swagger-ui (their modules, the UI's static files, the document's
 * JSON Schema conversion of every route's zod schemas) cost a start about as
 * much as all the API's routes together, and a server answers everyone else
 * long before anyone opens its API description.
 *
 * Every API route registered after this plugin is noted as it is added (what
 * @fastify/swagger's own hook would collect). The document is made once: each
 * route's zod schemas are converted to JSON Schema here (the zod objects live
 * on this thread) in slices of at most SLICE_MS between which the event loop
 * runs, and @fastify/swagger makes the document and its YAML from them in a
 * worker thread (docs-worker.ts). A separate, never-listening Fastify instance
 * with @fastify/swagger-ui then serves them, and each /api/docs request is
 * answered by injecting it there. Made in one go on the main thread, the
 * first /api/docs request held every other request about 2 s; it is now made
 * WARM_AFTER_MS after the server listens (a request that comes first waits
 * for the same work). Loading the UI's modules (yaml, @fastify/static) is
 * the one step left in one piece on this thread.
 * The routes here take the login-only policy (`access: {}`): the auth
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

  let docs: Promise<FastifyInstance> | undefined;
  const docsApp = () => {
    docs ??= buildDocsApp(routes);
    // A failed build is not kept: the next request tries again.
    docs.catch(() => { docs = undefined; });
    return docs;
  };

  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const res = await (await docsApp()).inject({
      // A HEAD is answered as its GET (the main app leaves the body out); the docs app exposes no HEAD routes of its own.
      method: 'GET',
      url: req.url,
      headers: pick(req.headers, ['accept', 'accept-encoding', 'if-none-match', 'if-modified-since', 'host']),
    });
    // What the docs app does not have is not found here either, with the usual error body.
    if (res.statusCode === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(res.headers)) if (!NOT_COPIED.has(name) && value !== undefined) reply.header(name, value);
    // An empty answer (a redirect) goes out empty, without a content type of its own.
    return reply.code(res.statusCode).send(res.rawPayload.length > 0 ? res.rawPayload : undefined);
  };
  for (const url of [DOCS_PREFIX, `${DOCS_PREFIX}/*`]) app.route({ method: 'GET', url, config: { access: {} }, handler });
  app.addHook('onListen', async () => {
    setTimeout(() => { docsApp().catch((err: unknown) => app.log.warn({ err }, 'API description not made ahead')); }, WARM_AFTER_MS).unref();
  });
  app.addHook('onClose', async () => { await docsPool.close(); });
});

/** The document is made this long after the server listens (the start's own work is done by then). */
const WARM_AFTER_MS = 1000;
/** The longest the making of the document runs before it lets the event loop go on. */
const SLICE_MS = 10;
/** The document's OpenAPI version (stated: @fastify/swagger's default) and title; the zod schemas are converted for that version. */
const OPENAPI = { openapi: '3.0.3', info: { title: '卫健党建质量平台 API', version: '0.1.0' } };

/** The worker thread that makes the document: started for it, ended soon after. */
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
  idleMs: 1000,
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

async function buildDocsApp(routes: RouteOptions[]): Promise<FastifyInstance> {
  const described = new Map<string, DescribedRoute>();
  // Each route's schemas converted to JSON Schema, as @fastify/swagger's transform would, in slices on this thread
  // (the zod schemas live here); the document itself is made from them in a worker thread.
  const openapiObject = { openapi: OPENAPI.openapi };
  await inSlices(routes, (route) => {
    const key = `${String(route.method)} ${route.url}`;
    if (described.has(key)) return; // HEAD routes were noted like the others: described as noted, not made again
    const schema = route.schema ? jsonSchemaTransform({ schema: route.schema, url: route.url, openapiObject } as Parameters<typeof jsonSchemaTransform>[0]).schema : undefined;
    described.set(key, { method: route.method, url: route.url, schema: schema as DescribedRoute['schema'] });
  });
  const made = await docsPool.run<{ document: unknown; yaml: string }>({ routes: [...described.values()], openapi: OPENAPI });
  const { default: swaggerUi } = await import('@fastify/swagger-ui');
  const docs = Fastify({ logger: false, exposeHeadRoutes: false });
  // What @fastify/swagger gives the UI (its `swagger()`, the document or its YAML), answered with what the worker made;
  // named as that plugin, which the UI's plugin requires before it.
  await docs.register(fp(async (instance) => { instance.decorate('swagger', ((opts?: { yaml?: boolean }) => (opts?.yaml ? made.yaml : made.document)) as never); }, { name: '@fastify/swagger' }));
  await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  await docs.ready();
  return docs;
}

const noop = async () => null;

function pick(headers: FastifyRequest['headers'], names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
