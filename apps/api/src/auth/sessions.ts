import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Role } from '@wj/domain';
import type { Db, Queryable } from '../db/index.js';
import { sessions, users } from '../db/schema/index.js';

export const SESSION_COOKIE = 'wj_session';
/** Absolute lifetime and idle timeout of a session. */
export const SESSION_TTL_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 2 * 3600_000;

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  scopeOrgId: number | null;
}

// The cookie carries a random token; the table keeps only its hash, so a leaked database opens no session.
const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const iso = now.toISOString();
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(lt(sessions.expiresAt, iso));
    await tx.insert(sessions).values({
      id: tokenId(token), userId, createdAt: iso, lastSeenAt: iso,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    });
  });
  return token;
}

export async function findSessionUser(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  const id = tokenId(token);
  const [row] = await db.select({
    expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt,
    id: users.id, username: users.username, displayName: users.displayName, role: users.role,
    scopeOrgId: users.scopeOrgId, disabled: users.disabled,
  }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, id));
  if (!row) return null;
  const t = now.getTime();
  if (row.disabled || Date.parse(row.expiresAt) <= t || Date.parse(row.lastSeenAt) + SESSION_IDLE_MS <= t) {
    await db.transaction((tx) => tx.delete(sessions).where(eq(sessions.id, id)));
    return null;
  }
  // Touch at most once a minute: a write per request would serialise every read on the database lock.
  if (t - Date.parse(row.lastSeenAt) > 60_000) {
    await db.transaction((tx) => tx.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id)));
  }
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role, scopeOrgId: row.scopeOrgId };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.transaction((tx) => tx.delete(sessions).where(eq(sessions.id, tokenId(token))));
}

/** Ends every session of a user (disabled, role or scope changed, password reset). */
export async function deleteUserSessions(tx: Pick<Queryable, 'delete'>, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
