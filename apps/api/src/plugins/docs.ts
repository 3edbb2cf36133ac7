import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The prefix of the API description: the Swagger UI, its static files, /json and /yaml. */
export const DOCS_PREFIX = '/api/docs';

/** Response headers of the docs app that the main app sets itself (or that belong to one connection). */
const NOT_COPIED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'date']);

/**
 * The OpenAPI document and the Swagger UI under /api/docs, made on the first
 * request for them instead of at start-up: @fastify/swagger and
 * @fastify/swagger-ui (their modules, the UI's static files, the document's
 * JSON Schema conversion of every route's zod schemas) cost a start about as
 * much as all the API's routes together, and a server answers everyone else
 * long before anyone opens its API description.
 *
 * Every API route registered after this plugin is noted as it is added (what
 * @fastify/swagger's own hook would collect); the first /api/docs request
 * builds a separate, never-listening Fastify instance with the two plugins
 * and the same routes (schemas and options; no handlers, no validators), and
 * each /api/docs request is answered by injecting it there. The routes here
 * take the login-only policy (`access: {}`): the auth plugin's hook refuses
 * the anonymous before anything is built, with the usual error body.
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
});

async function buildDocsApp(routes: RouteOptions[]): Promise<FastifyInstance> {
  const [{ default: swagger }, { default: swaggerUi }] = await Promise.all([import('@fastify/swagger'), import('@fastify/swagger-ui')]);
  // HEAD routes were noted like the others (the main app exposes them): registered as noted, not made again.
  const docs = Fastify({ logger: false, exposeHeadRoutes: false });
  // The schemas are only described here, never run.
  docs.setValidatorCompiler(() => () => true);
  docs.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await docs.register(swagger, {
    openapi: { info: { title: '卫健党建质量平台 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await docs.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  const seen = new Set<string>();
  for (const route of routes) {
    const key = `${String(route.method)} ${route.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    docs.route({ method: route.method, url: route.url, schema: route.schema, config: route.config, constraints: route.constraints, handler: noop });
  }
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
