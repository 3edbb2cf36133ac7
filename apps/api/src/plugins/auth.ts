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

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`route ${route.method} ${route.url} declares no access policy`);
  });

  app.addHook('onRequest', async (req) => {
    req.scope = NO_SCOPE;
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    req.user = findSessionUser(app.db, token);
    if (req.user) req.scope = scopeOf(req.user);
  });

  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config.access;
    if (!access || access.public) return;
    const user = req.user;
    if (!user) throw unauthorized();
    if (access.roles && !access.roles.includes(user.role)) throw forbidden('当前账号无权进行此操作');
    const writing = req.method !== 'GET' && req.method !== 'HEAD';
    if (writing && user.role === 'viewer' && !access.selfService) throw forbidden('只读账号不能修改数据');
    if (access.org) {
      const orgId = access.org(req, app.db);
      if (orgId == null) throw notFound();
      assertOrgAccess(app.db, user, orgId, writing && !access.selfService ? 'write' : 'read');
    }
  });
});
