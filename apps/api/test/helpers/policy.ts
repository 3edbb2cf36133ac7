import type { DemoLogin } from './build.js';
import type { Entity } from './targets.js';

/**
 * The intended access policy of every API route, written down independently
 * of the routes' own declarations (the permission matrix checks one against
 * the other). 'org' routes act on the record named by :id, inside or outside
 * the caller's scope; writers narrows who may write.
 */
export type Policy =
  | { kind: 'public' } | { kind: 'login' } | { kind: 'admin' } | { kind: 'self' }
  | { kind: 'org'; entity: Entity; writers?: 'all' | 'unit' | 'admin'; via?: 'query' };

const org = (entity: Entity, writers?: 'all' | 'unit' | 'admin'): Policy => ({ kind: 'org', entity, writers });
export const POLICY: Record<string, Policy> = {
  'GET /api/health': { kind: 'public' },
  'POST /api/auth/login': { kind: 'public' },
  'POST /api/auth/logout': { kind: 'self' },
  'GET /api/auth/me': { kind: 'login' },
  'GET /api/orgs/tree': { kind: 'login' },
  'GET /api/orgs/tree/top': { kind: 'login' },
  'GET /api/orgs/tree/search': { kind: 'login' },
  'GET /api/orgs/tree/paths': { kind: 'login' },
  'GET /api/orgs/:id/children': org('branch'),
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
  'POST /api/meetings/:id/review': org('meeting', 'unit'),
  'POST /api/meetings/:id/attachments': org('meeting', 'all'),
  'POST /api/milestones/:id/attachments': org('milestone', 'all'),
  'GET /api/milestones/:id/attachments': org('milestone'),
  'POST /api/vanguard-posts/:id/attachments': org('post', 'all'),
  'GET /api/vanguard-posts/:id/attachments': org('post'),
  'GET /api/attachments/:id': org('attachment'),
  'DELETE /api/attachments/:id': org('attachment', 'all'),
  'GET /api/todos': { kind: 'login' },
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
  'POST /api/orgs/:id/roster/problems': org('branch', 'all'),
  'POST /api/units/:id/roster/preview': org('unit', 'all'),
  'POST /api/units/:id/roster/import': org('unit', 'all'),
  'POST /api/units/:id/roster/problems': org('unit', 'all'),
  'GET /api/orgs/:id/roster/export': org('branch'),
  'GET /api/users': { kind: 'admin' },
  'POST /api/users': { kind: 'admin' },
  'PUT /api/users/:id': { kind: 'admin' },
  'POST /api/users/:id/password': { kind: 'admin' },
  'POST /api/users/:id/unlock': { kind: 'admin' },
  'GET /api/audit': { kind: 'admin' },
  'GET /api/quality/dashboard': { kind: 'login' },
  'GET /api/quality/branches': { kind: 'login' },
  'GET /api/quality/branches/:id': org('branch'),
  'GET /api/quality/units': { kind: 'login' },
  'GET /api/quality/units/:id': org('unit'),
  'GET /api/quality/gaps': { kind: 'login' },
  'GET /api/quality/years': { kind: 'login' },
  'GET /api/quality/rules': { kind: 'login' },
  'GET /api/quality/rules/history': { kind: 'admin' },
  'PUT /api/quality/rules': { kind: 'admin' },
  // Reports name their unit in ?unitId= (none: the commission, or a secretary's own unit); branch secretaries get none.
  'GET /api/reports/annual.docx': { kind: 'org', entity: 'unit', via: 'query' },
  'GET /api/reports/scores.xlsx': { kind: 'org', entity: 'unit', via: 'query' },
  'GET /api/reports/gaps.xlsx': { kind: 'org', entity: 'unit', via: 'query' },
  'GET /api/reports/org-life.xlsx': { kind: 'org', entity: 'unit', via: 'query' },
  'GET /api/reports/roster.xlsx': { kind: 'org', entity: 'unit', via: 'query' },
  // The report workbench: read like the exports; written by admin and a unit's secretary (own unit), never by the leaders.
  'GET /api/reports/draft': { kind: 'org', entity: 'unit', via: 'query' },
  'PUT /api/reports/draft': { kind: 'org', entity: 'unit', via: 'query', writers: 'unit' },
  // 年度结账: every user sees which years are closed; only the admin closes or re-judges one.
  'GET /api/years': { kind: 'login' },
  'POST /api/years/:year/close': { kind: 'admin' },
  'POST /api/years/:year/rejudge': { kind: 'admin' },
};

/** The kind of record a route's :id names. */
export function entityOf(key: string): Entity | null {
  const p = POLICY[key];
  if (p?.kind === 'org') return p.entity;
  return key.includes('/users/:id') ? 'user' : null;
}

export const ROLES: (DemoLogin | 'anon')[] = ['anon', 'admin', 'leader', 'renmin', 'yanke', 'jijiu'];
export const ROLE_OF: Record<DemoLogin, 'admin' | 'viewer' | 'unit_secretary' | 'branch_secretary'> = {
  admin: 'admin', leader: 'viewer', renmin: 'unit_secretary', yanke: 'unit_secretary', jijiu: 'branch_secretary',
};

/** What the policy says a role gets on a target: 'ok' (anything but 401/403), 401 or 403. */
export function expected(p: Policy, method: string, role: DemoLogin | 'anon', target: 0 | 1): 'ok' | 401 | 403 {
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

