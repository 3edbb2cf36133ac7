import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ErrorBodySchema, LoginBodySchema, MeSchema, type Me } from '@wj/domain/schemas';
import { dummyHash, verifyPassword } from '../../auth/password.js';
import { clearLogin, reserveLogin } from '../../auth/login-throttle.js';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_MS, type SessionUser } from '../../auth/sessions.js';
import type { Db } from '../../db/index.js';
import { orgs, users } from '../../db/schema/index.js';
import { AppError, unauthorized } from '../../lib/errors.js';

function me(db: Db, u: SessionUser): Me {
  const org = u.scopeOrgId == null ? undefined : db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, u.scopeOrgId)).get();
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, scopeOrgId: u.scopeOrgId, scopeOrgName: org?.name ?? null };
}

// One answer for an unknown username, a wrong password, a disabled account and a blocked address:
// same status, same body, and an argon2 verify every time, so neither content nor timing tells them apart.
const BAD_LOGIN = '用户名或密码错误（连续输错多次后需稍候再试）';

const routes: FastifyPluginAsyncZod<{ loginRateMax: number }> = async (app, opts) => {
  app.post('/login', {
    config: {
      access: { public: true },
      // A coarse limit per address and username in front of the failure count (auth/login-throttle.ts).
      rateLimit: {
        max: opts.loginRateMax, timeWindow: '1 minute', hook: 'preHandler',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
      },
    },
    schema: { tags: ['登录'], summary: '登录', body: LoginBodySchema, response: { 200: z.object({ user: MeSchema }), 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema } },
  }, async (req, reply) => {
    const { username, password } = req.body;
    // Reserved before the password is checked: concurrent guesses cannot outrun the count.
    const { attempt } = reserveLogin(app.db, username, req.ip);
    const row = app.db.select().from(users).where(eq(users.username, username)).get();
    const usable = attempt != null && row != null && !row.disabled;
    const right = await verifyPassword(usable ? row.passwordHash : await dummyHash(), password);
    if (!usable || !right) throw new AppError(401, 'BAD_CREDENTIALS', BAD_LOGIN);
    clearLogin(app.db, username, req.ip);
    // A fresh token on every login: a session id planted before login is never promoted.
    const old = req.cookies[SESSION_COOKIE];
    if (old) deleteSession(app.db, old);
    const token = createSession(app.db, row.id);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', maxAge: SESSION_TTL_MS / 1000,
    });
    return { user: me(app.db, row) };
  });

  app.post('/logout', {
    config: { access: { selfService: true } },
    schema: { tags: ['登录'], summary: '退出登录', response: { 204: z.null(), 401: ErrorBodySchema } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) deleteSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/me', {
    config: { access: {} },
    schema: { tags: ['登录'], summary: '当前登录用户', response: { 200: MeSchema, 401: ErrorBodySchema } },
  }, async (req) => {
    if (!req.user) throw unauthorized();
    return me(app.db, req.user);
  });
};

export default routes;
