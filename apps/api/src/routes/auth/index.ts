import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ErrorBodySchema, LoginBodySchema, MeSchema, type Me } from '@wj/domain/schemas';
import { dummyHash, verifyPassword } from '../../auth/password.js';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_MS, type SessionUser } from '../../auth/sessions.js';
import type { Db } from '../../db/index.js';
import { orgs, users } from '../../db/schema/index.js';
import { AppError, unauthorized } from '../../lib/errors.js';

function me(db: Db, u: SessionUser): Me {
  const org = u.scopeOrgId == null ? undefined : db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, u.scopeOrgId)).get();
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, scopeOrgId: u.scopeOrgId, scopeOrgName: org?.name ?? null };
}

// One message for every failure, so the answer never tells which usernames exist.
const BAD_LOGIN = '用户名或密码错误';
/** After this many wrong passwords in a row the account is locked for a while (等保 2.0: 登录失败处理). */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const routes: FastifyPluginAsyncZod<{ loginRateMax: number }> = async (app, opts) => {
  app.post('/login', {
    config: {
      access: { public: true },
      // Per address and username, counted once the body is read: guessing at one account is slowed
      // (and then locked), while colleagues behind one office gateway can still log in.
      rateLimit: {
        max: opts.loginRateMax, timeWindow: '1 minute', hook: 'preHandler',
        keyGenerator: (req) => `${req.ip}|${String((req.body as { username?: unknown } | undefined)?.username ?? '')}`,
      },
    },
    schema: { tags: ['登录'], summary: '登录', body: LoginBodySchema, response: { 200: z.object({ user: MeSchema }), 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema } },
  }, async (req, reply) => {
    const { username, password } = req.body;
    const row = app.db.select().from(users).where(eq(users.username, username)).get();
    if (!row || row.disabled) {
      await verifyPassword(await dummyHash(), password);
      throw new AppError(401, 'BAD_CREDENTIALS', BAD_LOGIN);
    }
    const now = new Date();
    if (row.lockedUntil && Date.parse(row.lockedUntil) > now.getTime()) {
      throw new AppError(429, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请 ${LOCK_MINUTES} 分钟后再试`);
    }
    if (!(await verifyPassword(row.passwordHash, password))) {
      const failed = row.failedLogins + 1;
      const lock = failed >= MAX_FAILED_LOGINS;
      app.db.update(users).set({
        failedLogins: lock ? 0 : failed,
        lockedUntil: lock ? new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() : row.lockedUntil,
      }).where(eq(users.id, row.id)).run();
      throw new AppError(401, 'BAD_CREDENTIALS', BAD_LOGIN);
    }
    if (row.failedLogins > 0 || row.lockedUntil) app.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id)).run();
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
