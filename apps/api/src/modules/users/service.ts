import { and, eq } from 'drizzle-orm';
import type { User, UserCreate, UserUpdate } from '@wj/domain/schemas';
import { blockedCount, blockedCounts, clearUserAttempts } from '../../auth/login-throttle.js';
import { hashPassword } from '../../auth/password.js';
import { deleteUserSessions, type SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { orgs, users } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { chinaTime } from '../../lib/time.js';

const ENTITY = 'user';

/** Users as the API shows them: with their scope's name and how many addresses are blocked from logging in as them. */
function userRows(db: Queryable) {
  return db.select({
    id: users.id, username: users.username, displayName: users.displayName, role: users.role, scopeOrgId: users.scopeOrgId,
    scopeOrgName: orgs.name, disabled: users.disabled, version: users.version, createdAt: users.createdAt, updatedAt: users.updatedAt,
  }).from(users).leftJoin(orgs, eq(orgs.id, users.scopeOrgId));
}

async function view(db: Queryable, id: number): Promise<User> {
  const [row] = await userRows(db).where(eq(users.id, id));
  if (!row) throw notFound(`用户（id=${id}）不存在`);
  return { ...row, loginBlocked: await blockedCount(db, row.username) };
}

/** Two queries whatever the number of users. */
export async function listUsers(db: Db): Promise<User[]> {
  const [rows, blocked] = await Promise.all([userRows(db).orderBy(users.id), blockedCounts(db)]);
  return rows.map((row) => ({ ...row, loginBlocked: blocked.get(row.username) ?? 0 }));
}

/** A unit secretary's scope must be a unit-level org, a branch secretary's a branch. */
async function checkScopeOrg(db: Queryable, role: UserCreate['role'], scopeOrgId: number | null): Promise<void> {
  if (scopeOrgId == null) return;
  const [org] = await db.select().from(orgs).where(eq(orgs.id, scopeOrgId));
  const ok = org && org.status === 'active' && (role === 'unit_secretary' ? org.unitId === org.id : org.kind === 'branch');
  if (!ok) throw badRequest('所管理的组织不正确', [{ field: 'scopeOrgId', message: role === 'unit_secretary' ? '须选择一个直属单位党组织' : '须选择一个党支部' }]);
}

export async function createUser(db: Db, actor: SessionUser, input: UserCreate): Promise<User> {
  await checkScopeOrg(db, input.role, input.scopeOrgId);
  const passwordHash = await hashPassword(input.password);
  const now = new Date().toISOString();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('用户名已存在', [{ field: 'username', message: `用户名 ${input.username} 已被使用` }]);
    const { password: _p, ...rest } = input;
    const [row] = await tx.insert(users).values({ ...rest, passwordHash, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, actor, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId: row!.scopeOrgId, after: row });
    return view(tx, row!.id);
  });
}

async function versionCheck(db: Queryable, id: number, version: number) {
  const [cur] = await db.select().from(users).where(eq(users.id, id));
  if (!cur) throw notFound(`用户（id=${id}）不存在`);
  if (cur.version !== version) throw conflict(`该账号已于 ${chinaTime(cur.updatedAt)} 被修改，请刷新后再保存`);
  return cur;
}

export async function updateUser(db: Db, actor: SessionUser, id: number, input: UserUpdate): Promise<User> {
  if (id === actor.id && (input.disabled || input.role !== 'admin')) throw badRequest('不能停用自己的账号或取消自己的管理员角色', [{ field: 'role', message: '请由其他管理员操作' }]);
  await checkScopeOrg(db, input.role, input.scopeOrgId);
  return db.transaction(async (tx) => {
    const before = await versionCheck(tx, id, input.version);
    const { version, ...values } = input;
    const changed = await tx.update(users).set({ ...values, version: version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(users.id, id), eq(users.version, version))).returning({ id: users.id });
    if (changed.length !== 1) throw conflict('该账号刚被修改，请刷新后再保存');
    // A changed role, scope or a disabled account takes effect at once: end the user's sessions.
    if (values.disabled || values.role !== before.role || values.scopeOrgId !== before.scopeOrgId) await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'update', entityType: ENTITY, entityId: id, orgId: values.scopeOrgId, before, after: await view(tx, id) });
    return view(tx, id);
  });
}

export async function resetPassword(db: Db, actor: SessionUser, id: number, password: string, version: number): Promise<User> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await versionCheck(tx, id, version);
    const [cur] = await tx.update(users).set({ passwordHash, version: version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(users.id, id), eq(users.version, version))).returning();
    if (!cur) throw conflict('该账号刚被修改，请刷新后再保存');
    await clearUserAttempts(tx, cur.username);
    await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'reset_password', entityType: ENTITY, entityId: id, orgId: null });
    return view(tx, id);
  });
}

/**
 * 解除登录限制: every client address blocked for too many wrong passwords may try this user again
 * (the throttle is per username and address, see auth/login-throttle.ts). Audited with the count.
 */
export async function unlockUser(db: Db, actor: SessionUser, id: number): Promise<User> {
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(users).where(eq(users.id, id));
    if (!cur) throw notFound(`用户（id=${id}）不存在`);
    const blocked = await clearUserAttempts(tx, cur.username);
    await recordAudit(tx, actor, { action: 'unlock_login', entityType: ENTITY, entityId: id, orgId: null, before: { loginBlocked: blocked }, after: { loginBlocked: 0 } });
    return view(tx, id);
  });
}
