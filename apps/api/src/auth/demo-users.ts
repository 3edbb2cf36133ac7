import { and, count, eq, like } from 'drizzle-orm';
import type { Role } from '@wj/domain';
import type { Db, Queryable } from '../db/index.js';
import { brands, orgs, users } from '../db/schema/index.js';
import { hashPassword } from './password.js';

/** Demo only: every demo login shares this password (README lists them). A real deployment uses create-admin. */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoUser { username: string; displayName: string; role: Role; scopeOrgId: number | null }

/** The demo logins, one per role, plus a second unit secretary to show that units cannot see each other. */
export async function demoUsers(db: Queryable): Promise<DemoUser[]> {
  const unit = async (institution: string) =>
    (await db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.institutionName, institution), eq(orgs.unitId, orgs.id))).limit(1))[0]?.id ?? null;
  const renmin = await unit('市人民医院');
  const yanke = await unit('市眼科医院');
  // The branch secretary keeps the 人民医院 branch that carries the survey's “120救(就)在身边” brand.
  const emergency = (await db.select({ id: brands.orgId }).from(brands).where(like(brands.name, '%120%')).orderBy(brands.id).limit(1))[0]?.id ?? null;
  return [
    { username: 'admin', displayName: '委机关党委管理员', role: 'admin', scopeOrgId: null },
    { username: 'leader', displayName: '委领导', role: 'viewer', scopeOrgId: null },
    { username: 'renmin', displayName: '市人民医院党委党务干部', role: 'unit_secretary', scopeOrgId: renmin },
    { username: 'yanke', displayName: '市眼科医院党委党务干部', role: 'unit_secretary', scopeOrgId: yanke },
    { username: 'jijiu', displayName: '人民医院急救支部书记', role: 'branch_secretary', scopeOrgId: emergency },
  ];
}

/** Creates the demo logins when no user exists yet. */
export async function ensureDemoUsers(db: Db): Promise<boolean> {
  if (((await db.select({ n: count() }).from(users))[0]?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = new Date().toISOString();
  const rows = (await demoUsers(db)).map((u) => ({ ...u, passwordHash, createdAt: now, updatedAt: now }));
  // Two servers starting together on one PostgreSQL both find no user: the unique username keeps one set.
  await db.transaction((tx) => tx.insert(users).values(rows).onConflictDoNothing());
  return true;
}
