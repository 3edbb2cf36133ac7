import cookie from '@fastify/cookie';
import type { FastifyRequest, onRequestHookHandler, preHandlerHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodType } from 'zod';
import type { Role } from '@wj/domain';
import { parseId } from '@wj/domain/schemas';
import { assertOrgAccess, scopeOf, type Scope } from '../auth/scope.js';
import { findSessionUser, lookupPgSession, SESSION_COOKIE, type SessionLookup, type SessionUser } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { dataVersion, type DataVersion } from '../lib/data-version.js';
import { AppError, forbidden, notFound, unauthorized } from '../lib/errors.js';

/** What each request's access check ran on (see the preHandler hook). */
const checkedTargets = new WeakMap<FastifyRequest, string>();

/**
 * A request part parsed by the route's own zod schema — the same parse the
 * validator runs — or the validator's own 400 naming the field. A part the route declares no
 * schema for passes as sent: every route with an org check declares one for
 * its path (enforced at registration).
 */
function parsePart(schema: ZodType | undefined, value: unknown, part: 'params' | 'querystring'): unknown {
  if (!schema) return value ?? {};
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(root)', message: i.message }));
  const label = part === 'params' ? '路径参数' : '查询参数';
  throw new AppError(400, 'VALIDATION_FAILED', `${label}有误：${details.map((d) => `${d.field}：${d.message}`).join('；')}`, details);
}

/**
 * Every /api route declares its access in `config.access`; a route without
 * one fails at start-up, so none can be forgotten.
 * - public: no login (login, health, docs)
 * - roles: only these roles (e.g. admin for user management)
 * - org: the org the request touches (from the parsed path or query, or a
 *   record's owner); checked against the user's scope, for writing when the
 *   method is not GET. Org ids in a body are checked by the handler on the
 *   validated body (e.g. a transfer's target branch).
 * - selfService: a write any logged-in user may do to their own session (logout)
 * Routes without `org` are list routes: their services filter by `req.scope`.
 */
export interface Access {
  public?: boolean;
  roles?: Role[];
  /** Resolves the org the request touches; it may read the database (a record's owner). */
  org?: (req: FastifyRequest, db: Db) => number | null | undefined | Promise<number | null | undefined>;
  /** The org is named in the query string (reports' `unitId`): parse it for the check. Otherwise `org` sees an empty query. */
  orgInQuery?: boolean;
  selfService?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared access: what the permission-matrix test walks. */
    apiRoutes: { method: string; url: string; access: Access }[];
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    scope: Scope;
    /**
     * The database's change signal read with the request's session — after the request arrived, so anything
     * committed before it was sent has moved it: SQLite's data version (lib/data-version.ts), PostgreSQL's
     * change signal (modules/quality/change-signal.ts, read by the session's statement); null on public routes
     * and without a session cookie. A route's cache checked against it needs no read of its own.
     */
    dataVersion: DataVersion | null;
  }
}

export const NO_SCOPE: Scope = { all: false, unitId: -1, branchId: -1 };

const isWrite = (req: FastifyRequest) => req.method !== 'GET' && req.method !== 'HEAD';

export default fp<{ cookieSecret?: string }>(async (app, opts) => {
  await app.register(cookie, { secret: opts.cookieSecret });
  app.decorateRequest('user', null);
  app.decorateRequest('scope', null as unknown as Scope);
  app.decorateRequest('dataVersion', null);
  const readVersion = app.db.sqlite ? dataVersion(app.db) : null;

  app.decorate('apiRoutes', []);
  /**
   * The access hooks are the route's own, added here as each route is declared: a public route (health,
   * login, the SPA's files and pages) runs none, and only a route with an org check runs the preHandler
   * below; each hook holds its route's policy, so no request looks it up. They run first among the route's
   * hooks (before its rate limit, its own preHandlers), after the instance-wide ones (the cross-site check,
   * the cookie parser). A route declared with an access policy anywhere (the API description's too) gets them.
   */
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (route.url.startsWith('/api') && !route.url.startsWith('/api/docs')) {
      if (!access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
      // An org check needs parsed ids: a path with parameters must declare their schema.
      if (access.org && route.url.includes(':') && !route.schema?.params) throw new Error(`route ${route.method} ${route.url} checks an org but declares no params schema`);
      for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
    }
    if (!access || access.public) return;
    // New arrays: Fastify copies a GET's options for its HEAD route (which comes here too) before this runs.
    route.onRequest = [checkAccess(access), ...[route.onRequest ?? []].flat()];
    if (access.org) route.preHandler = [handlerGetsChecked(access), ...[route.preHandler ?? []].flat()];
  });

  /**
   * Runs before the body is parsed or validated, so an anonymous or
   * out-of-scope caller is refused (401/403) whatever they send. The path and
   * query are parsed here by the route's own schemas (ids: `idText` /
   * `parseId`, canonical decimal only); the org check runs on those parsed
   * values, and `preHandler` below makes sure the handler receives exactly
   * them. Anything the hook cannot resolve is refused, never passed.
   * Callback style: a session found without waiting and no org check cost no promise.
   * Public routes have no such hook: no session lookup, with or without a session cookie — a browser
   * sends its cookie with every file it loads; no public handler reads `req.user` or `req.scope` (login
   * reads the cookie itself).
   */
  function checkAccess(access: Access): onRequestHookHandler {
    return function accessCheck(req, _reply, done) {
      req.scope = NO_SCOPE;
      // A session found without waiting (SQLite, nothing to write; PostgreSQL, its shared read answered, nothing to
      // write) and a route without an org check: decided in a callback, no promise.
      const token = req.cookies[SESSION_COOKIE];
      const decide = (found: SessionLookup) => {
        if (found instanceof Promise || access.org) {
          Promise.resolve(found).then((user) => checkRequest(req, access, user)).then(() => done(), done);
          return;
        }
        try { checkUser(req, access, found); done(); } catch (err) { done(err as Error); }
      };
      if (token && !readVersion) {
        // PostgreSQL: the session and the change signal read together (auth/sessions.ts), for the route's caches too.
        lookupPgSession(app.db, token, new Date(), (err, found, signal) => {
          if (err) { done(err as Error); return; }
          req.dataVersion = signal!;
          decide(found as SessionLookup);
        });
        return;
      }
      let found: SessionLookup;
      try {
        // SQLite: the data version read once, now, for the session check and for the route's caches (quality scores).
        if (readVersion) req.dataVersion = readVersion();
        found = token ? findSessionUser(app.db, token, new Date(), req.dataVersion ?? undefined) : null;
      } catch (err) { done(err as Error); return; }
      decide(found);
    };
  }

  /** Who may call: a session, the route's roles, no writes by a read-only account. */
  function checkUser(req: FastifyRequest, access: Access, found: SessionUser | null): SessionUser {
    if (found) { req.user = found; req.scope = scopeOf(found); }
    const user = req.user;
    if (!user) throw unauthorized();
    if (access.roles && !access.roles.includes(user.role)) throw forbidden('当前账号无权进行此操作');
    if (isWrite(req) && user.role === 'viewer' && !access.selfService) throw forbidden('只读账号不能修改数据');
    return user;
  }

  async function checkRequest(req: FastifyRequest, access: Access, found: SessionUser | null): Promise<void> {
    const user = checkUser(req, access, found);
    const writing = isWrite(req);
    if (access.org) {
      const schema = req.routeOptions.schema as { params?: ZodType; querystring?: ZodType } | undefined;
      // The resolver sees only what is parsed and compared: the query only when the route says its org is named there.
      const checked = {
        params: parsePart(schema?.params, req.params, 'params'),
        query: access.orgInQuery ? parsePart(schema?.querystring, req.query, 'querystring') : {},
      };
      const view = Object.create(req, { params: { value: checked.params }, query: { value: checked.query } }) as FastifyRequest;
      const orgId = await access.org(view, app.db);
      if (orgId == null) throw notFound();
      if (parseId(orgId) === null) throw forbidden();
      await assertOrgAccess(app.db, user, orgId, writing && !access.selfService ? 'write' : 'read');
      checkedTargets.set(req, JSON.stringify(checked));
    }
  }

  /** The handler gets what was checked: validation must have produced the very values the access check used. */
  function handlerGetsChecked(access: Access): preHandlerHookHandler {
    return function checkedValues(req, _reply, done) {
      const checked = checkedTargets.get(req);
      done(checked === undefined || checked !== JSON.stringify({ params: req.params, query: access.orgInQuery ? req.query : {} }) ? forbidden() : undefined);
    };
  }
});
