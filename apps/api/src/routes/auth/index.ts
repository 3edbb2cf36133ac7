import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, LoginBodySchema, MeSchema } from '@wj/domain/schemas';
import { deleteSession, SESSION_COOKIE, SESSION_TTL_MS } from '../../auth/sessions.js';
import { unauthorized } from '../../lib/errors.js';
import { login, me } from '../../modules/auth/login.js';

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
    const { token, user } = await login(app.db, req.body.username, req.body.password, req.ip, req.cookies[SESSION_COOKIE]);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', maxAge: SESSION_TTL_MS / 1000,
    });
    return { user };
  });

  app.post('/logout', {
    config: { access: { selfService: true } },
    schema: { tags: ['登录'], summary: '退出登录', response: { 204: z.null(), 401: ErrorBodySchema } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(app.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/me', {
    config: { access: {} },
    schema: { tags: ['登录'], summary: '当前登录用户', response: { 200: MeSchema, 401: ErrorBodySchema } },
  }, async (req) => {
    if (!req.user) throw unauthorized();
    return await me(app.db, req.user);
  });
};

export default routes;
