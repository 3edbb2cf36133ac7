import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import type { OrgTreeNode, User } from '@wj/domain/schemas';
import { users } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let admin: Client;
let unitId: number;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
  unitId = root.children.find((u) => u.institutionName === '市中医医院' || u.kind === 'general_branch')!.id;
});
afterAll(() => ctx.close());

const userCount = async () => (await ctx.db.select({ n: count() }).from(users))[0]!.n;
const login = (username: string, password: string) => ctx.anon({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('user management', () => {
  it('an admin creates a unit secretary who can then log in and sees only that unit', async () => {
    const res = await admin({ method: 'POST', url: '/api/users', payload: { username: 'zhangsan', password: 'Secret2026x', displayName: '张三', role: 'unit_secretary', scopeOrgId: unitId } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).not.toHaveProperty('passwordHash');
    const lg = await login('zhangsan', 'Secret2026x');
    expect(lg.statusCode).toBe(200);
    const cookie = `wj_session=${lg.cookies.find((c) => c.name === 'wj_session')!.value}`;
    const tree: OrgTreeNode = (await ctx.anon({ url: '/api/orgs/tree', headers: { cookie } })).json().root;
    expect(tree.children.map((c) => c.id)).toEqual([unitId]);
  });

  it.each([
    ['a weak password', { password: 'short1' }, 'password', '至少 10 位'],
    ['a password without digits', { password: 'abcdefghijk' }, 'password', '字母和数字'],
    ['a secretary without an org', { role: 'branch_secretary', scopeOrgId: null }, 'scopeOrgId', '须指定所管理的组织'],
    ['a bad username', { username: 'Zhang San' }, 'username', '小写字母'],
  ])('refuses %s naming the field, creating nothing', async (_n, patch, field, message) => {
    const before = await userCount();
    const res = await admin({ method: 'POST', url: '/api/users', payload: { username: 'lisi', password: 'Secret2026x', displayName: '李四', role: 'viewer', scopeOrgId: null, ...patch } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.find((d: { field: string }) => d.field === field)?.message).toContain(message);
    expect(await userCount()).toBe(before);
  });

  it('refuses a duplicate username', async () => {
    const res = await admin({ method: 'POST', url: '/api/users', payload: { username: 'renmin', password: 'Secret2026x', displayName: '重复', role: 'viewer' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details[0].field).toBe('username');
  });

  it('disabling a user ends their session at once; a password reset lets them in with the new one only', async () => {
    const list: User[] = (await admin('/api/users')).json();
    const yanke = list.find((u) => u.username === 'yanke')!;
    const client = await ctx.as('yanke');
    expect((await client('/api/auth/me')).statusCode).toBe(200);
    const off = await admin({ method: 'PUT', url: `/api/users/${yanke.id}`, payload: { displayName: yanke.displayName, role: yanke.role, scopeOrgId: yanke.scopeOrgId, disabled: true, version: yanke.version } });
    expect(off.statusCode).toBe(200);
    expect((await client('/api/auth/me')).statusCode).toBe(401);
    expect((await login('yanke', 'Demo@2026')).statusCode).toBe(401);

    const on = await admin({ method: 'PUT', url: `/api/users/${yanke.id}`, payload: { displayName: yanke.displayName, role: yanke.role, scopeOrgId: yanke.scopeOrgId, disabled: false, version: off.json().version } });
    const reset = await admin({ method: 'POST', url: `/api/users/${yanke.id}/password`, payload: { password: 'NewPass2026', version: on.json().version } });
    expect(reset.statusCode).toBe(200);
    expect((await login('yanke', 'Demo@2026')).statusCode).toBe(401);
    expect((await login('yanke', 'NewPass2026')).statusCode).toBe(200);
  });

  it('is for admins only', async () => {
    for (const who of ['renmin', 'leader', 'jijiu'] as const) expect((await (await ctx.as(who))('/api/users')).statusCode).toBe(403);
    expect((await ctx.anon('/api/users')).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('lists every write with who did it, filterable, and without the password hash', async () => {
    const page = (await admin('/api/audit?entityType=user')).json();
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((e: { entityType: string }) => e.entityType === 'user')).toBe(true);
    expect(JSON.stringify(page.items)).not.toMatch(/argon2/);
    const reset = (await admin('/api/audit?action=reset_password')).json();
    expect(reset.items[0].username).toBe('admin');
  });

  it('cannot be changed through the API', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      expect((await admin({ method, url: '/api/audit' })).statusCode).toBe(404);
    }
    expect((await (await ctx.as('renmin'))('/api/audit')).statusCode).toBe(403);
  });
});
