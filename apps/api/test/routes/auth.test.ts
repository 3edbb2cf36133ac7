import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/auth/demo-users.js';
import { SESSION_IDLE_MS } from '../../src/auth/sessions.js';
import { eq } from 'drizzle-orm';
import { sessions, users } from '../../src/db/schema/index.js';
import { build, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(() => ctx.close());

const login = (username: string, password: string) =>
  ctx.anon({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login', () => {
  it('sets an HTTP-only SameSite session cookie and answers who is logged in', async () => {
    const res = await login('renmin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'renmin', role: 'unit_secretary' });
    expect(res.json().user.scopeOrgName).toContain('人民医院');
    const cookie = res.cookies.find((c) => c.name === 'wj_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await ctx.anon({ url: '/api/auth/me', headers: { cookie: `wj_session=${cookie.value}` } });
    expect(me.json().username).toBe('renmin');
  });

  it('says only 用户名或密码错误 for a wrong password and for an unknown user alike', async () => {
    const wrong = await login('admin', 'wrong-password');
    const unknown = await login('nobody', 'wrong-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toMatch(/^用户名或密码错误/);
    expect(unknown.body).toBe(wrong.body);
  });

  it('names the missing field when the body is incomplete', async () => {
    const res = await ctx.anon({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('password');
  });

  it('logout ends the session on the server', async () => {
    const cookie = (await login('leader', DEMO_PASSWORD)).cookies.find((c) => c.name === 'wj_session')!;
    const headers = { cookie: `wj_session=${cookie.value}` };
    expect((await ctx.anon({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await ctx.anon({ url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('refuses every data route without a session', async () => {
    const res = await ctx.anon('/api/orgs/tree');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('请先登录');
  });
});

describe('sessions', () => {
  it('a session idle for longer than the idle timeout is refused and removed', async () => {
    const res = await login('renmin', DEMO_PASSWORD);
    const cookie = `wj_session=${res.cookies.find((c) => c.name === 'wj_session')!.value}`;
    expect((await ctx.anon({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const idle = new Date(Date.now() - SESSION_IDLE_MS - 1000).toISOString();
    await ctx.db.transaction((tx) => tx.update(sessions).set({ lastSeenAt: idle }));
    expect((await ctx.anon({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a change made in the database by another server — an account disabled, a session ended — holds on the next request', async () => {
    const cookieOf = async (username: string) => `wj_session=${(await login(username, DEMO_PASSWORD)).cookies.find((c) => c.name === 'wj_session')!.value}`;
    const [renmin, leader] = [await cookieOf('renmin'), await cookieOf('leader')];
    for (const cookie of [renmin, leader]) expect((await ctx.anon({ url: '/api/quality/dashboard', headers: { cookie } })).statusCode).toBe(200);
    // Written past this server's services, as another process sharing the database would.
    await ctx.db.transaction((tx) => tx.update(users).set({ disabled: true }).where(eq(users.username, 'renmin')));
    await ctx.db.transaction((tx) => tx.delete(sessions).where(eq(sessions.id, createHash('sha256').update(leader.split('=')[1]!).digest('hex'))));
    for (const cookie of [renmin, leader]) expect((await ctx.anon({ url: '/api/quality/dashboard', headers: { cookie } })).statusCode).toBe(401);
    await ctx.db.transaction((tx) => tx.update(users).set({ disabled: false }).where(eq(users.username, 'renmin')));
  });

  it('logging in again issues a new session token instead of keeping the old one', async () => {
    const first = (await login('leader', DEMO_PASSWORD)).cookies.find((c) => c.name === 'wj_session')!.value;
    const again = await ctx.anon({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: DEMO_PASSWORD }, headers: { cookie: `wj_session=${first}` } });
    const second = again.cookies.find((c) => c.name === 'wj_session')!.value;
    expect(second).not.toBe(first);
    expect((await ctx.anon({ url: '/api/auth/me', headers: { cookie: `wj_session=${first}` } })).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After after too many attempts in a minute', async () => {
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await login('nobody-rate', 'guess-' + i));
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(answers.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    expect(limited).toHaveLength(2);
    expect(limited[0]!.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited[0]!.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});

describe('API documentation', () => {
  it('needs a login: the anonymous get 401, any logged-in role the OpenAPI document', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/yaml', '/api/docs/static/index.html']) {
      const res = await ctx.anon(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
      expect(res.body).not.toContain('/api/members');
    }
    for (const who of ['admin', 'leader', 'jijiu'] as const) {
      const client = await ctx.as(who);
      const doc = await client('/api/docs/json');
      expect(doc.statusCode).toBe(200);
      expect(doc.json().openapi).toMatch(/^3\./);
      expect(Object.keys(doc.json().paths)).toContain('/api/auth/login');
      expect((await client('/api/docs/')).headers['content-type']).toContain('text/html');
      const yaml = await client('/api/docs/yaml');
      expect(yaml.statusCode).toBe(200);
      expect(yaml.body).toMatch(/^openapi: 3\./m);
      expect(yaml.body).toContain('/api/auth/login');
    }
  });

  it('answers a path the documentation does not have with the usual 404 error body', async () => {
    const res = await (await ctx.as('admin'))('/api/docs/no-such-page');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
