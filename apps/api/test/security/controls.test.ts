import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { loginThrottle, meetings } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let renmin: Client;
let branchId: number;
beforeAll(async () => {
  ctx = await build();
  renmin = await ctx.as('renmin');
  const root: OrgTreeNode = (await renmin('/api/orgs/tree')).json().root;
  const first = (n: OrgTreeNode): OrgTreeNode => (n.kind === 'branch' ? n : first(n.children[0]!));
  branchId = first(root).id;
});
afterAll(() => ctx.close());

const meetingCount = async () => (await ctx.db.select({ n: count() }).from(meetings))[0]!.n;
const body = { type: 'party_lecture', date: '2026-11-01', topic: '专题党课', expected: 10, present: 9 };

describe('security headers', () => {
  it('every answer carries CSP with frame-ancestors none, nosniff and a referrer policy', async () => {
    for (const url of ['/api/health', '/api/orgs/tree', '/']) {
      const res = await renmin(url);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });
});

describe('cross-site requests', () => {
  it('a write from another origin is refused even with a valid session, and changes nothing', async () => {
    const before = await meetingCount();
    const res = await renmin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: body, headers: { origin: 'https://evil.example', host: 'localhost:80' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('跨站');
    const fetchMeta = await renmin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: body, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchMeta.statusCode).toBe(403);
    expect(await meetingCount()).toBe(before);
  });

  it('the same write from the app\'s own origin goes through', async () => {
    const res = await renmin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: body, headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' } });
    expect(res.statusCode).toBe(201);
  });
});

describe('request bodies', () => {
  it('a huge body is refused with 413 and a Chinese message', async () => {
    const res = await renmin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: { ...body, notes: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('请求内容过大');
  });

  it('malformed JSON gets 400 without a stack trace or internals', async () => {
    const res = await renmin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: '{"type": ', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at \w+ \(|node_modules|stack|SQLITE/i);
    expect(res.json().error.message).toBeTruthy();
  });
});

describe('account lockout', () => {
  const login = (password: string) => ctx.anon({ method: 'POST', url: '/api/auth/login', payload: { username: 'yanke', password } });

  it('blocks the address after five wrong passwords, even against the right one, answering like a wrong password, until the block expires', async () => {
    for (let i = 0; i < 5; i++) expect((await login('wrong-' + i)).statusCode).toBe(401);
    const locked = await login('Demo@2026');
    expect(locked.statusCode).toBe(401);
    expect(locked.body).toBe((await login('wrong-again')).body);
    await ctx.db.transaction((tx) => tx.update(loginThrottle).set({ blockedUntil: Date.now() - 1000 }).where(eq(loginThrottle.username, 'yanke')));
    expect((await login('Demo@2026')).statusCode).toBe(200);
  });
});
