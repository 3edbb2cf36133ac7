import cookie from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '@wj/domain';
import { assertOrgAccess, scopeOf, type Scope } from '../auth/scope.js';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from '../auth/sessions.js';
import type { Db } from '../db/index.js';
import { forbidden, notFound, unauthorized } from '../lib/errors.js';

/**
 * Every /api route declares its access in `config.access`; a route without
 * one fails at start-up, so none can be forgotten.
 * - public: no login (login, health, docs)
 * - roles: only these roles (e.g. admin for user management)
 * - org: the org the request touches (from params, body, or a record's owner);
 *   checked against the user's scope, for writing when the method is not GET
 * - selfService: a write any logged-in user may do to their own session (logout)
 * Routes without `org` are list routes: their services filter by `req.scope`.
 */
export interface Access {
  public?: boolean;
  roles?: Role[];
  org?: (req: FastifyRequest, db: Db) => number | null | undefined;
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
  }
}

export const NO_SCOPE: Scope = { all: false, unitId: -1, branchId: -1 };

export default fp<{ cookieSecret?: string }>(async (app, opts) => {
  await app.register(cookie, { secret: opts.cookieSecret });
  app.decorateRequest('user', null);
  app.decorateRequest('scope', null as unknown as Scope);

  app.decorate('apiRoutes', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.apiRoutes.push({ method, url: route.url, access });
  });

  /**
   * Runs before the body is parsed or validated, so an anonymous or
   * out-of-scope caller is refused (401/403) whatever they send, and nothing
   * of theirs is parsed or checked first. Ids in the path are still strings
   * here: a malformed one is left for validation to answer 400.
   */
  app.addHook('onRequest', async (req) => {
    req.scope = NO_SCOPE;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.user = findSessionUser(app.db, token);
      if (req.user) req.scope = scopeOf(req.user);
    }

    const access = req.routeOptions.config?.access;
    if (!access || access.public) return;
    const user = req.user;
    if (!user) throw unauthorized();
    if (access.roles && !access.roles.includes(user.role)) throw forbidden('当前账号无权进行此操作');
    const writing = req.method !== 'GET' && req.method !== 'HEAD';
    if (writing && user.role === 'viewer' && !access.selfService) throw forbidden('只读账号不能修改数据');
    if (access.org) {
      const raw = (req.params ?? {}) as Record<string, string>;
      if ('id' in raw && !/^[1-9]\d{0,15}$/.test(raw.id ?? '')) return;
      const view = Object.create(req, { params: { value: { ...raw, ...('id' in raw ? { id: Number(raw.id) } : {}) } } }) as FastifyRequest;
      const orgId = access.org(view, app.db);
      if (orgId == null) throw notFound();
      assertOrgAccess(app.db, user, orgId, writing && !access.selfService ? 'write' : 'read');
    }
  });
});
