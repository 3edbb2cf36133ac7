import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchScoreDetail, Dashboard, GapLine } from '@wj/domain/schemas';
import { buildApp, type App } from '../../src/app.js';
import { DEMO_PASSWORD, ensureDemoUsers } from '../../src/auth/demo-users.js';
import { openDb, type Db } from '../../src/db/index.js';
import { generateCommission, loadDemoData } from '../../src/demo/index.js';
import { freshDatabase } from '../helpers/db.js';

/**
 * Two servers on one database — two PostgreSQL pools, or on SQLite two
 * handles on one file — behave as one: a session opened on one is valid on
 * the other, and a write through one is seen by the very next read through
 * the other, also where the other keeps a cache (scores, dashboard).
 */
let dir: string;
let target: { target: string; drop: () => Promise<void> };
const servers: { app: App; db: Db }[] = [];
let cookie = '';
const period = 'year=2026&asOf=2026-11-20';

async function server() {
  const db = await openDb(target.target);
  const app = await buildApp({ config: { WEB_DIST: join(dir, 'no-web'), LOG_LEVEL: 'silent', ATTACHMENTS_DIR: join(dir, 'attachments') }, db, logger: false });
  await app.ready();
  servers.push({ app, db });
  return app;
}
const call = (app: App, o: string | InjectOptions) => {
  const base: InjectOptions = typeof o === 'string' ? { url: o } : o;
  return app.inject({ ...base, headers: { ...(base.headers ?? {}), cookie } });
};

let a: App;
let b: App;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-two-'));
  target = await freshDatabase(dir, 'two');
  a = await server();
  await loadDemoData(servers[0]!.db, generateCommission());
  await ensureDemoUsers(servers[0]!.db);
  b = await server();
});
afterAll(async () => {
  for (const s of servers) await s.app.close();
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('two servers, one database', () => {
  it('a login on one server is a session on the other; logging out on the other ends it on both', async () => {
    const res = await a.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'wj_session')!;
    cookie = `${c.name}=${c.value}`;
    expect((await call(b, '/api/auth/me')).json().username).toBe('admin');
    const other = await b.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: DEMO_PASSWORD } });
    const leader = `wj_session=${other.cookies.find((x) => x.name === 'wj_session')!.value}`;
    expect((await a.inject({ url: '/api/auth/me', headers: { cookie: leader } })).statusCode).toBe(200);
    expect((await b.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: leader } })).statusCode).toBe(204);
    expect((await a.inject({ url: '/api/auth/me', headers: { cookie: leader } })).statusCode).toBe(401);
  });

  it('a branch renamed through one server has its new name in the next read through the other', async () => {
    const tree = (await call(b, '/api/orgs/tree')).json().root;
    const branch = tree.children[0].children.find((x: { kind: string }) => x.kind === 'branch');
    const detail = (await call(b, `/api/orgs/${branch.id}`)).json();
    const renamed = `${detail.name}（更名）`;
    const put = await call(a, { method: 'PUT', url: `/api/orgs/${branch.id}`, payload: { name: renamed, branchCategory: detail.branchCategory, department: detail.department, version: detail.version } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await call(b, `/api/orgs/${branch.id}`)).json().name).toBe(renamed);
    const again = (await call(b, '/api/orgs/tree')).json().root;
    expect(JSON.stringify(again)).toContain(renamed);
  });

  it('a meeting recorded through one server moves the score and the dashboard the other has cached', async () => {
    const dashBefore = (await call(b, `/api/quality/dashboard?${period}`)).json() as Dashboard; // b's cache is warm now
    const { items } = (await call(b, `/api/quality/gaps?${period}`)).json() as { items: GapLine[] };
    const line = items.find((l) => l.code === 'general_meeting')!;
    const orgId = line.orgs.find((o) => /季度未召开支部党员大会/.test(o.message))!.orgId;
    const before = (await call(b, `/api/quality/branches/${orgId}?${period}`)).json() as BranchScoreDetail;
    const missing = before.gaps.find((g) => g.code === 'general_meeting')!;
    const quarter = ['一', '二', '三', '四'].indexOf(/第(.)季度/.exec(missing.message)![1]!);
    const date = `2026-${String(quarter * 3 + 2).padStart(2, '0')}-15`;
    const res = await call(a, { method: 'POST', url: `/api/orgs/${orgId}/meetings`, payload: { type: 'general_meeting', date, topic: '补开支部党员大会', expected: 10, present: 10 } });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await call(b, `/api/quality/branches/${orgId}?${period}`)).json() as BranchScoreDetail;
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.gaps.map((g) => g.message)).not.toContain(missing.message);
    const dashAfter = (await call(b, `/api/quality/dashboard?${period}`)).json() as Dashboard;
    expect(JSON.stringify(dashAfter)).not.toBe(JSON.stringify(dashBefore));
  });

  it('a stale version is refused by either server after the other saved', async () => {
    const tree = (await call(a, '/api/orgs/tree')).json().root;
    const branch = tree.children[1].children.find((x: { kind: string }) => x.kind === 'branch');
    const detail = (await call(a, `/api/orgs/${branch.id}`)).json();
    const body = (name: string) => ({ name, branchCategory: detail.branchCategory, department: detail.department, version: detail.version });
    expect((await call(a, { method: 'PUT', url: `/api/orgs/${branch.id}`, payload: body(`${detail.name}甲`) })).statusCode).toBe(200);
    const stale = await call(b, { method: 'PUT', url: `/api/orgs/${branch.id}`, payload: body(`${detail.name}乙`) });
    expect(stale.statusCode).toBe(409);
    expect((await call(a, `/api/orgs/${branch.id}`)).json().name).toBe(`${detail.name}甲`);
  });
});
