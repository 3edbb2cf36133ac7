import Fastify, { type FastifyInstance } from 'fastify';
import { parentPort } from 'node:worker_threads';

/** One API route as the docs plugin sends it: its method, URL and schemas already converted to JSON Schema. */
export interface DescribedRoute { method: string | string[]; url: string; schema?: Record<string, unknown> }

/** A request for the docs, as the main app passes it on: the routes (JSON text, made once there), the document's header, the request. */
export interface DocsJob { routesJson: string; openapi: Record<string, unknown>; prefix: string; url: string; headers: Record<string, string> }
/** The docs app's answer, sent back as it is. */
export interface DocsAnswer { status: number; headers: Record<string, string | string[] | number | undefined>; body: Uint8Array }

/**
 * Makes and serves the OpenAPI document of the API (plugins/docs.ts) in a
 * worker thread: @fastify/swagger and @fastify/swagger-ui on a
 * never-listening Fastify instance with the routes' converted schemas and no
 * handlers of their own, made on the first request and kept while the worker
 * is warm; each request for the docs is injected into it here. The walk over
 * every route took more than 100 ms in one go on the main thread, the YAML as
 * long again, and loading the UI's modules (yaml, @fastify/static …) 50–65 ms.
 */
let docs: Promise<FastifyInstance> | undefined;

async function build(job: DocsJob): Promise<FastifyInstance> {
  const routes = JSON.parse(job.routesJson) as DescribedRoute[];
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([import('@fastify/swagger'), import('@fastify/swagger-ui')]);
  const app = Fastify({ logger: false, exposeHeadRoutes: false });
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, { openapi: job.openapi });
  await app.register(async (described) => {
    // Described only: the document lists them, nothing here answers them.
    for (const route of routes) described.route({ method: route.method, url: route.url, schema: route.schema, handler: async () => null });
  });
  await app.register(swaggerUi, { routePrefix: job.prefix });
  await app.ready();
  return app;
}

async function serve(job: DocsJob): Promise<DocsAnswer> {
  docs ??= build(job);
  docs.catch(() => { docs = undefined; });
  const res = await (await docs).inject({ method: 'GET', url: job.url, headers: job.headers });
  // A copy of its own (the payload may be a slice of a shared pool), moved to the main thread without another.
  return { status: res.statusCode, headers: res.headers, body: new Uint8Array(res.rawPayload) };
}

parentPort!.on('message', (job: DocsJob) => {
  serve(job).then(
    (result) => parentPort!.postMessage({ ok: true, result }, [result.body.buffer as ArrayBuffer]),
    (err: unknown) => parentPort!.postMessage({ ok: false, status: 500, code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }),
  );
});
