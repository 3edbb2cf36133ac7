import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/index.js';
import { orgs } from '../db/schema/index.js';
import { forbidden, notFound } from '../lib/errors.js';
import type { SessionUser } from './sessions.js';

/**
 * What part of the tree a user may see (DESIGN.md: Users): admin and viewer
 * everything; a unit secretary one unit's sub-tree; a branch secretary one
 * branch (with its 党小组).
 */
export interface Scope {
  all: boolean;
  unitId: number | null;
  branchId: number | null;
}

export function scopeOf(user: SessionUser): Scope {
  if (user.role === 'admin' || user.role === 'viewer') return { all: true, unitId: null, branchId: null };
  if (user.role === 'unit_secretary') return { all: false, unitId: user.scopeOrgId ?? -1, branchId: null };
  return { all: false, unitId: null, branchId: user.scopeOrgId ?? -1 };
}

export interface OrgRef { id: number; parentId: number | null; unitId: number | null }

/** Whether an org lies inside the scope. */
export function inScope(scope: Scope, org: OrgRef): boolean {
  if (scope.all) return true;
  if (scope.unitId !== null) return org.unitId === scope.unitId;
  return org.id === scope.branchId || org.parentId === scope.branchId;
}

export async function orgRef(db: Queryable, orgId: number): Promise<OrgRef | undefined> {
  const [org] = await db.select({ id: orgs.id, parentId: orgs.parentId, unitId: orgs.unitId }).from(orgs).where(eq(orgs.id, orgId));
  return org;
}

/**
 * Throws 404 for an unknown org, 403 when it is outside the user's scope or
 * the user may only read. The one check every org-bound route goes through.
 */
export async function assertOrgAccess(db: Queryable, user: SessionUser, orgId: number, mode: 'read' | 'write'): Promise<OrgRef> {
  const org = await orgRef(db, orgId);
  if (!org) throw notFound(`组织（id=${orgId}）不存在`);
  if (mode === 'write' && user.role === 'viewer') throw forbidden('只读账号不能修改数据');
  if (!inScope(scopeOf(user), org)) throw forbidden('无权访问本单位（支部）以外的数据');
  return org;
}
