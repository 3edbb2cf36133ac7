import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import {
  brands, committees, meetings, members, orgs, partyWorkers, projectMilestones, recruits, responsibilityItems,
  secretaryProjects, users, vanguardPosts,
} from '../../src/db/schema/index.js';
import { createSession } from '../../src/auth/sessions.js';
import { build, type Client, type DemoLogin, type TestContext } from '../helpers/build.js';

/**
 * Calls every route the server registers, as every role and anonymously, on a
 * target inside 人民医院 (jijiu's branch, renmin's unit) and one inside 眼科医院
 * (yanke's unit), and checks the answer against the policy written down here —
 * not read from the routes, so a route whose declared access drifts fails.
 * A route the server has but this table lacks fails too.
 */
type Entity = 'branch' | 'unit' | 'member' | 'meeting' | 'committee' | 'worker' | 'item' | 'brand' | 'project' | 'milestone' | 'post' | 'recruit';
type Policy =
  | { kind: 'public' } | { kind: 'login' } | { kind: 'admin' } | { kind: 'self' }
  | { kind: 'org'; entity: Entity; writers?: 'all' | 'unit' | 'admin' };

const org = (entity: Entity, writers?: 'all' | 'unit' | 'admin'): Policy => ({ kind: 'org', entity, writers });
const POLICY: Record<string, Policy> = {
  'GET /api/health': { kind: 'public' },
  'POST /api/auth/login': { kind: 'public' },
  'POST /api/auth/logout': { kind: 'self' },
  'GET /api/auth/me': { kind: 'login' },
  'GET /api/orgs/tree': { kind: 'login' },
  'GET /api/orgs/:id': org('branch'),
  'GET /api/orgs/:id/members': org('branch'),
  'GET /api/members/:id': org('member'),
  'POST /api/orgs/:id/members': org('branch', 'all'),
  'PUT /api/members/:id': org('member', 'all'),
  'POST /api/members/:id/transfer': org('member', 'all'),
  'POST /api/members/:id/leave': org('member', 'all'),
  'GET /api/orgs/:id/meetings': org('branch'),
  'POST /api/orgs/:id/meetings': org('branch', 'all'),
  'PUT /api/meetings/:id': org('meeting', 'all'),
  'DELETE /api/meetings/:id': org('meeting', 'all'),
  'POST /api/orgs/:id/branches': org('unit', 'unit'),
  'PUT /api/orgs/:id': org('branch', 'unit'),
  'POST /api/orgs/:id/merge': org('branch', 'unit'),
  'POST /api/orgs/:id/dissolve': org('branch', 'unit'),
  'GET /api/orgs/:id/committee': org('branch'),
  'POST /api/orgs/:id/committee': org('branch', 'all'),
  'PUT /api/committees/:id': org('committee', 'all'),
  'GET /api/units/:id/plans': org('unit'),
  'PUT /api/units/:id/plans/:year': org('unit', 'unit'),
  'GET /api/units/:id/party-workers': org('unit'),
  'POST /api/units/:id/party-workers': org('unit', 'unit'),
  'PUT /api/party-workers/:id': org('worker', 'unit'),
  'GET /api/units/:id/reviews': org('unit'),
  'PUT /api/units/:id/reviews/:year': org('unit', 'admin'),
  'GET /api/units/:id/responsibility-items': org('unit'),
  'POST /api/units/:id/responsibility-items': org('unit', 'unit'),
  'PUT /api/responsibility-items/:id': org('item', 'unit'),
  'GET /api/orgs/:id/brands': org('branch'),
  'POST /api/orgs/:id/brands': org('branch', 'all'),
  'PUT /api/brands/:id': org('brand', 'all'),
  'GET /api/orgs/:id/projects': org('branch'),
  'POST /api/orgs/:id/projects': org('branch', 'all'),
  'PUT /api/projects/:id': org('project', 'all'),
  'POST /api/projects/:id/milestones': org('project', 'all'),
  'PUT /api/milestones/:id': org('milestone', 'all'),
  'GET /api/orgs/:id/vanguard-posts': org('branch'),
  'POST /api/orgs/:id/vanguard-posts': org('branch', 'all'),
  'PUT /api/vanguard-posts/:id': org('post', 'all'),
  'GET /api/orgs/:id/recruits': org('branch'),
  'POST /api/orgs/:id/recruits': org('branch', 'all'),
  'PUT /api/recruits/:id': org('recruit', 'all'),
  'POST /api/recruits/:id/advance': org('recruit', 'all'),
  'POST /api/recruits/:id/stop': org('recruit', 'all'),
  'GET /api/roster/template': { kind: 'login' },
  'POST /api/orgs/:id/roster/preview': org('branch', 'all'),
  'POST /api/orgs/:id/roster/import': org('branch', 'all'),
  'GET /api/orgs/:id/roster/export': org('branch'),
  'GET /api/users': { kind: 'admin' },
  'POST /api/users': { kind: 'admin' },
  'PUT /api/users/:id': { kind: 'admin' },
  'POST /api/users/:id/password': { kind: 'admin' },
  'GET /api/audit': { kind: 'admin' },
  'GET /api/quality/dashboard': { kind: 'login' },
  'GET /api/quality/branches': { kind: 'login' },
  'GET /api/quality/branches/:id': org('branch'),
  'GET /api/quality/units': { kind: 'login' },
  'GET /api/quality/units/:id': org('unit'),
  'GET /api/quality/gaps': { kind: 'login' },
  'GET /api/quality/rules': { kind: 'login' },
  'GET /api/quality/rules/history': { kind: 'admin' },
  'PUT /api/quality/rules': { kind: 'admin' },
};

const ROLES: (DemoLogin | 'anon')[] = ['anon', 'admin', 'leader', 'renmin', 'yanke', 'jijiu'];
const ROLE_OF: Record<DemoLogin, 'admin' | 'viewer' | 'unit_secretary' | 'branch_secretary'> = {
  admin: 'admin', leader: 'viewer', renmin: 'unit_secretary', yanke: 'unit_secretary', jijiu: 'branch_secretary',
};

let ctx: TestContext;
const clients = new Map<string, Client>();
/** Ids per entity: [inside jijiu's branch / renmin's unit, inside 眼科医院]. */
const ids = {} as Record<Entity, [number, number]>;

beforeAll(async () => {
  ctx = await build();
  for (const r of ROLES) clients.set(r, r === 'anon' ? ctx.anon : await ctx.as(r));
  const db = ctx.db;
  const scope = (u: string) => db.select().from(users).where(eq(users.username, u)).get()!.scopeOrgId!;
  const ownBranch = scope('jijiu');
  const ownUnit = scope('renmin');
  const foreignUnit = scope('yanke');
  const foreignBranch = db.select().from(brands).innerJoin(orgs, eq(orgs.id, brands.orgId)).where(eq(orgs.unitId, foreignUnit)).get()!.orgs.id;
  const pick = <T extends { id: number }>(rows: (orgId: number) => T | undefined, label: string): [number, number] => {
    const a = rows(ownBranch), b = rows(foreignBranch);
    if (!a || !b) throw new Error(`demo data lacks a ${label} in the chosen branches`);
    return [a.id, b.id];
  };
  ids.branch = [ownBranch, foreignBranch];
  ids.unit = [ownUnit, foreignUnit];
  ids.member = pick((o) => db.select().from(members).where(and(eq(members.orgId, o), eq(members.status, 'active'))).get(), 'member');
  ids.meeting = pick((o) => db.select().from(meetings).where(eq(meetings.orgId, o)).get(), 'meeting');
  ids.committee = pick((o) => db.select().from(committees).where(eq(committees.orgId, o)).get(), 'committee');
  ids.brand = pick((o) => db.select().from(brands).where(eq(brands.orgId, o)).get(), 'brand');
  ids.project = pick((o) => db.select().from(secretaryProjects).where(eq(secretaryProjects.orgId, o)).get(), 'project');
  ids.milestone = ids.project.map((p) => db.select().from(projectMilestones).where(eq(projectMilestones.projectId, p)).get()!.id) as [number, number];
  ids.post = pick((o) => db.select().from(vanguardPosts).where(eq(vanguardPosts.orgId, o)).get(), 'vanguard post');
  ids.recruit = pick((o) => db.select().from(recruits).where(eq(recruits.orgId, o)).get(), 'recruit');
  ids.worker = ids.unit.map((u) => db.select().from(partyWorkers).where(eq(partyWorkers.unitId, u)).get()!.id) as [number, number];
  ids.item = ids.unit.map((u) => db.select().from(responsibilityItems).where(inArray(responsibilityItems.unitId, [u])).get()!.id) as [number, number];
});
afterAll(() => ctx.close());

/** What the policy says a role gets on a target: 'ok' (anything but 401/403), 401 or 403. */
function expected(p: Policy, method: string, role: DemoLogin | 'anon', target: 0 | 1): 'ok' | 401 | 403 {
  if (p.kind === 'public') return 'ok';
  if (role === 'anon') return 401;
  const r = ROLE_OF[role];
  if (p.kind === 'login' || p.kind === 'self') return 'ok';
  if (p.kind === 'admin') return r === 'admin' ? 'ok' : 403;
  const writing = method !== 'GET';
  if (writing) {
    if (r === 'viewer') return 403;
    if (p.writers === 'admin' && r !== 'admin') return 403;
    if (p.writers === 'unit' && r === 'branch_secretary') return 403;
  }
  if (r === 'admin' || r === 'viewer') return 'ok';
  if (role === 'yanke') return target === 1 ? 'ok' : 403;
  if (role === 'renmin') return target === 0 ? 'ok' : 403;
  // jijiu keeps one branch: unit-level records are beyond it.
  return target === 0 && p.entity !== 'unit' && p.entity !== 'worker' && p.entity !== 'item' ? 'ok' : 403;
}

describe('permission matrix', () => {
  it('has a policy for every route the server registers, and no policy for a route that does not exist', () => {
    const registered = ctx.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !(k in POLICY))).toEqual([]);
    expect(Object.keys(POLICY).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('answers every route as the policy says, for every role and target', async () => {
    const failures: string[] = [];
    for (const { method, url } of ctx.app.apiRoutes) {
      const key = `${method} ${url}`;
      const p = POLICY[key]!;
      if (p.kind === 'self') continue; // logout ends the shared sessions: its own test below
      for (const target of [0, 1] as const) {
        const id = p.kind === 'org' ? ids[p.entity][target] : target === 0 ? ctx.db.select().from(users).get()!.id : 1;
        const path = url.replace(':id', String(id)).replace(':year', '2026');
        for (const role of ROLES) {
          const res = await clients.get(role)!({ method: method as 'GET', url: path, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
          const want = expected(p, method, role, target);
          const ok = want === 'ok' ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500 : res.statusCode === want;
          if (!ok) failures.push(`${role} ${method} ${path} → ${res.statusCode}, policy ${want}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('logout answers a logged-in user of any role and refuses the anonymous', async () => {
    expect((await ctx.anon({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(401);
    // Sessions made directly: the login route's rate limit is spent by the matrix above.
    for (const role of ['admin', 'leader', 'renmin', 'jijiu'] as const) {
      const user = ctx.db.select().from(users).where(eq(users.username, role)).get()!;
      const cookie = `wj_session=${createSession(ctx.db, user.id)}`;
      expect((await ctx.anon({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    }
  });
});
