import Fastify, { LogController, type FastifyServerOptions, type onRouteHookHandler } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { attachmentsDirFor, type Config } from './config.js';
import type { Db } from './db/index.js';
import { AppError } from './lib/errors.js';
import { parsePool } from './modules/roster/parse-pool.js';
import { renderPool } from './reports/render-pool.js';
import authPlugin from './plugins/auth.js';
import dbPlugin from './plugins/db.js';
import docsPlugin from './plugins/docs.js';
import errorsPlugin from './plugins/errors.js';
import qualityPlugin from './plugins/quality.js';
import securityPlugin from './plugins/security.js';
import spaPlugin from './plugins/spa.js';
import authRoutes from './routes/auth/index.js';
import healthRoutes from './routes/health/index.js';
import meetingRoutes from './routes/meetings/index.js';
import memberRoutes from './routes/members/index.js';
import orgRoutes from './routes/orgs/index.js';
import auditRoutes from './routes/audit/index.js';
import qualityRoutes from './routes/quality/index.js';
import recruitmentRoutes from './routes/recruitment/index.js';
import rosterRoutes from './routes/roster/index.js';
import structureRoutes from './routes/structure/index.js';
import unitRoutes from './routes/units/index.js';
import userRoutes from './routes/users/index.js';
import workRoutes from './routes/work/index.js';

export interface BuildOptions {
  /** ATTACHMENTS_DIR: when absent, `attachments/` beside the database file. */
  config: Pick<Config, 'WEB_DIST' | 'LOG_LEVEL'> & Partial<Pick<Config, 'LOGIN_RATE_MAX' | 'ROSTER_RATE_MAX' | 'ATTACHMENTS_DIR'>>;
  db: Db;
  logger?: FastifyServerOptions['logger'];
  /** Sees every route as it is declared, before any of the app's own onRoute hooks (a test marks where handlers begin). */
  onRoute?: onRouteHookHandler;
}

/** Fastify's compiler factories answering with the zod compilers (their types are ajv's and fast-json-stringify's). */
const ZOD_COMPILERS = { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler } as unknown as
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** A request taking this long is logged at warn, whatever the log level below it. */
const SLOW_MS = 2000;

/** Builds the whole app: external plugins, then ours, then routes. `server.ts` only listens. */
export async function buildApp({ config, db, logger, onRoute }: BuildOptions) {
  const app = Fastify({
    logger: logger ?? {
      level: config.LOG_LEVEL,
      // Request logs carry no personal data: no query string (it may hold a searched name), no headers, no bodies.
      serializers: {
        req: (req) => ({ method: req.method, url: req.url.split('?')[0], id: req.id }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    bodyLimit: 1024 * 1024,
    // Every schema here is zod, validated and serialized by fastify-type-provider-zod's compilers (set below too):
    // named as the factories, Fastify does not load its default ajv and fast-json-stringify compilers at start.
    schemaController: { compilersFactory: ZOD_COMPILERS },
    // Fastify's own request logging writes two lines per request (received, completed); one line is written below instead.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<ZodTypeProvider>();
  // One line per answered request, at info (method, path without the query, status, time); a slow one at warn.
  // Not hooked at all when the logger writes neither (`logger: false`, level silent or above warn): a hook costs every request.
  const log = app.log as { isLevelEnabled?: (level: string) => boolean; level?: string };
  if (log.isLevelEnabled ? log.isLevelEnabled('warn') : log.level !== undefined) {
    app.addHook('onResponse', (req, reply, done) => {
      const ms = Math.round(reply.elapsedTime);
      if (ms >= SLOW_MS) req.log.warn({ req, res: reply, ms }, 'slow request');
      else req.log.info({ req, res: reply, ms }, 'request completed');
      done();
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (onRoute) app.addHook('onRoute', onRoute);

  await app.register(rateLimit, {
    global: false,
    // Its own code, so a client can tell "slow down" from other 4xx; Retry-After is set by the plugin.
    errorResponseBuilder: (_req, ctx) => new AppError(ctx.statusCode, 'RATE_LIMITED', '请求过于频繁，请稍后再试'),
  });

  await app.register(securityPlugin);
  await app.register(dbPlugin, { db });
  await app.register(errorsPlugin);
  await app.register(authPlugin);
  // The API description (OpenAPI document and Swagger UI), made on its first request; for logged-in
  // users only: its routes take the login-only access policy (`access: {}`), which the auth plugin's
  // hook enforces (anonymous → 401). Registered after the error plugin, so a refusal has the usual
  // { error: { code, message } } shape, and before every route, so that each is described.
  await app.register(docsPlugin);
  await app.register(qualityPlugin);

  await app.register(healthRoutes, { prefix: '/api/health' });
  await app.register(authRoutes, { prefix: '/api/auth', loginRateMax: config.LOGIN_RATE_MAX ?? 10 });
  await app.register(orgRoutes, { prefix: '/api/orgs' });
  await app.register(memberRoutes, { prefix: '/api' });
  const attachmentsDir = config.ATTACHMENTS_DIR ?? attachmentsDirFor(db.sqlite?.path ?? 'data/wj.sqlite');
  await app.register(meetingRoutes, { prefix: '/api', attachmentsDir });
  await app.register(import('./routes/attachments/index.js'), { prefix: '/api', dir: attachmentsDir });
  await app.register(structureRoutes, { prefix: '/api' });
  await app.register(unitRoutes, { prefix: '/api' });
  await app.register(workRoutes, { prefix: '/api' });
  await app.register(recruitmentRoutes, { prefix: '/api' });
  await app.register(rosterRoutes, { prefix: '/api', rosterRateMax: config.ROSTER_RATE_MAX ?? 30 });
  await app.register(userRoutes, { prefix: '/api' });
  await app.register(auditRoutes, { prefix: '/api' });
  await app.register(qualityRoutes, { prefix: '/api' });
  await app.register(import('./routes/todos/index.js'), { prefix: '/api' });
  await app.register(import('./routes/reports/index.js'), { prefix: '/api' });
  await app.register(import('./routes/years/index.js'), { prefix: '/api' });

  await app.register(spaPlugin, { root: config.WEB_DIST });
  // The worker threads that write exports and parse rosters end with the server.
  app.addHook('onClose', async () => { await Promise.all([renderPool.close(), parsePool.close()]); });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
