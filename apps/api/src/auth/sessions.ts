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

/**
 * The session and its user, read on every logged-in request: one statement, kept prepared (SQLite: the
 * reader's statement cache; PostgreSQL: a named statement, parsed once per connection), with no query
 * built per request. Never cached in the process: a logout, a disabled user or a reset password on
 * another server takes effect on the next request.
 */
const SESSION_USER_SQL = 'select s.expires_at as "expiresAt", s.last_seen_at as "lastSeenAt", u.id as "id", u.username as "username", '
  + 'u.display_name as "displayName", u.role as "role", u.scope_org_id as "scopeOrgId", u.disabled as "disabled" '
  + 'from sessions s join users u on u.id = s.user_id where s.id = ';
interface SessionRow { expiresAt: string; lastSeenAt: string; id: number; username: string; displayName: string; role: Role; scopeOrgId: number | null; disabled: boolean | number }

async function sessionRow(db: Db, id: string): Promise<SessionRow | undefined> {
  if (db.sqlite) return db.sqlite.reader.prepare(`${SESSION_USER_SQL}?`).get(id) as SessionRow | undefined;
  const res = await db.pg!.pool.query<SessionRow>({ name: 'wj-session-user', text: `${SESSION_USER_SQL}$1`, values: [id] });
  return res.rows[0];
}

export async function findSessionUser(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  const id = tokenId(token);
  const row = await sessionRow(db, id);
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
