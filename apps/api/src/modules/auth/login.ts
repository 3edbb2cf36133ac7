import { eq } from 'drizzle-orm';
import type { Me } from '@wj/domain/schemas';
import { dummyHash, verifyPassword } from '../../auth/password.js';
import { clearLogin, reserveLogin } from '../../auth/login-throttle.js';
import { createSession, deleteSession, type SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { orgs, users } from '../../db/schema/index.js';
import { AppError } from '../../lib/errors.js';

// One answer for an unknown username, a wrong password, a disabled account and a blocked address:
// same status, same body, and an argon2 verify every time, so neither content nor timing tells them apart.
const BAD_LOGIN = '用户名或密码错误（连续输错多次后需稍候再试）';

export async function me(db: Queryable, u: SessionUser): Promise<Me> {
  const [org] = u.scopeOrgId == null ? [] : await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, u.scopeOrgId));
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, scopeOrgId: u.scopeOrgId, scopeOrgName: org?.name ?? null };
}

/**
 * Checks a login and opens a session: the attempt is reserved before the
 * password is checked (concurrent guesses cannot outrun the count), and a
 * fresh token replaces any session id sent along (never promoted).
 */
export async function login(db: Db, username: string, password: string, client: string, oldToken: string | undefined): Promise<{ token: string; user: Me }> {
  const { attempt } = await reserveLogin(db, username, client);
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const usable = attempt != null && row != null && !row.disabled;
  const right = await verifyPassword(usable ? row.passwordHash : await dummyHash(), password);
  if (!usable || !right) throw new AppError(401, 'BAD_CREDENTIALS', BAD_LOGIN);
  await clearLogin(db, username, client);
  if (oldToken) await deleteSession(db, oldToken);
  const token = await createSession(db, row.id);
  return { token, user: await me(db, row) };
}
