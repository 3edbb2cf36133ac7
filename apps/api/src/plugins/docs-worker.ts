import Fastify from 'fastify';
import { parentPort } from 'node:worker_threads';

/** One API route as the docs plugin sends it: its method, URL and schemas already converted to JSON Schema. */
export interface DescribedRoute { method: string | string[]; url: string; schema?: Record<string, unknown> }

/**
 * Makes the OpenAPI document of the API (plugins/docs.ts) in a worker thread:
 * @fastify/swagger on a never-listening Fastify instance with the routes'
 * converted schemas, no handlers, and its YAML text. Its walk over every
 * route (parameters, references, responses) took more than 100 ms in one go
 * on the main thread, and the YAML as long again.
 */
async function describe(routes: DescribedRoute[], openapi: Record<string, unknown>): Promise<{ document: unknown; yaml: string }> {
  const { default: swagger } = await import('@fastify/swagger');
  const docs = Fastify({ logger: false, exposeHeadRoutes: false });
  docs.setValidatorCompiler(() => () => true);
  docs.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await docs.register(swagger, { openapi });
  for (const route of routes) docs.route({ method: route.method, url: route.url, schema: route.schema, handler: async () => null });
  await docs.ready();
  return { document: docs.swagger(), yaml: docs.swagger({ yaml: true }) };
}

parentPort!.on('message', (job: { routes: DescribedRoute[]; openapi: Record<string, unknown> }) => {
  describe(job.routes, job.openapi).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: unknown) => parentPort!.postMessage({ ok: false, status: 500, code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }),
  );
});
