import { and, eq, gt, lt, or, isNull, sql } from 'drizzle-orm';
import { asInt, big, greatest, least } from '../db/dialect.js';
import type { Db, Queryable } from '../db/index.js';
import { loginThrottle } from '../db/schema/index.js';

/**
 * Login failures are counted per submitted username AND client address (等保 2.0: 登录失败处理),
 * so guessing from one address is slowed down while the real user, from another address, still
 * logs in: a stranger cannot keep anyone out. Unknown usernames are counted the same way.
 *
 * - Every attempt is reserved (counted as a failure) in one SQL statement BEFORE its password is
 *   checked, and only a right password clears the count. Concurrent attempts, from this process or
 *   another one on the same database, each get their own number: no more than MAX_FAILED_LOGINS
 *   are ever checked before the block.
 * - The attempt that reaches MAX_FAILED_LOGINS blocks the pair; blocks grow 1, 2, 4 … minutes up
 *   to an hour. While blocked, even the right password is refused.
 * - A pair quiet for a day is forgotten; an admin can clear every block of a user at once.
 */
export const MAX_FAILED_LOGINS = 5;
export const FIRST_BLOCK_MS = 60_000;
export const MAX_BLOCK_MS = 3600_000;
const FORGET_MS = 24 * 3600_000;

export interface Reservation {
  /** This attempt's number since the last block ended; null when the pair is blocked. */
  attempt: number | null;
}

/**
 * One address trying many usernames (password spraying) is slowed down too: every attempt from an
 * address also counts against the address as a whole, under this higher limit, with the same growing
 * blocks. A right password takes its own attempt back, so an office behind one address that logs in
 * all day is not blocked; only failures add up.
 */
export const MAX_FAILED_PER_ADDRESS = 30;
const ANY_USER = '*';

/** Reserves the attempt for the username from this address and for the address as a whole. */
export async function reserveLogin(db: Db, username: string, client: string, now = Date.now()): Promise<Reservation> {
  const address = await reserveAttempt(db, ANY_USER, client, now, MAX_FAILED_PER_ADDRESS);
  if (address.attempt === null) return address;
  return reserveAttempt(db, username, client, now);
}

/** A right password: the pair starts afresh and the address gets its attempt back. */
export async function clearLogin(db: Db, username: string, client: string): Promise<void> {
  await db.transaction(async (tx) => {
    await clearAttempts(tx, username, client);
    await tx.update(loginThrottle).set({ failures: greatest(sql`${loginThrottle.failures} - 1`, 0) })
      .where(and(eq(loginThrottle.username, ANY_USER), eq(loginThrottle.client, client), isNull(loginThrottle.blockedUntil)));
  }, { isolationLevel: 'read committed' });
}

/** Counts the attempt; answers whether its password may be checked at all. */
export async function reserveAttempt(db: Db, username: string, client: string, now = Date.now(), max = MAX_FAILED_LOGINS): Promise<Reservation> {
  // Each statement is atomic by itself (the upsert locks its row): no need to serialise whole transactions.
  return db.transaction(async (tx) => {
  await tx.delete(loginThrottle).where(and(lt(loginThrottle.updatedAt, now - FORGET_MS),
    or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, now))));
  // SET expressions all read the old row; `next` is the attempt's number (1 again after a block).
  const next = sql`(CASE WHEN ${loginThrottle.blockedUntil} IS NOT NULL THEN 1 ELSE ${loginThrottle.failures} + 1 END)`;
  const [row] = await tx.insert(loginThrottle)
    .values({ username, client, failures: 1, blocks: 0, blockedUntil: null, updatedAt: now })
    .onConflictDoUpdate({
      target: [loginThrottle.username, loginThrottle.client],
      set: {
        failures: next,
        blockedUntil: sql`CASE WHEN ${next} >= ${max}
          THEN ${big(now)} + ${least(big(MAX_BLOCK_MS), sql`${big(FIRST_BLOCK_MS)} << ${least(loginThrottle.blocks, 16)}`)} ELSE NULL END`,
        blocks: sql`${loginThrottle.blocks} + ${asInt(sql`${next} >= ${max}`)}`,
        updatedAt: now,
      },
      // A blocked pair is left as it is, and RETURNING then gives no row.
      setWhere: or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, sql`${big(now)} + 1`)),
    })
    .returning({ failures: loginThrottle.failures });
  const attempt = row?.failures ?? null;
  return { attempt: attempt != null && attempt <= max ? attempt : null };
  }, { isolationLevel: 'read committed' });
}

/** A right password: this pair starts afresh (other addresses' counts stay). */
export async function clearAttempts(tx: Queryable, username: string, client: string): Promise<void> {
  await tx.delete(loginThrottle).where(and(eq(loginThrottle.username, username), eq(loginThrottle.client, client)));
}

/** An admin's unlock: every address may try this username again. Answers how many were blocked. */
export async function clearUserAttempts(tx: Queryable, username: string, now = Date.now()): Promise<number> {
  const blocked = await blockedCount(tx, username, now);
  await tx.delete(loginThrottle).where(eq(loginThrottle.username, username));
  return blocked;
}

/** How many addresses are blocked from logging in as this username right now. */
export async function blockedCount(db: Queryable, username: string, now = Date.now()): Promise<number> {
  const rows = await db.select({ client: loginThrottle.client }).from(loginThrottle)
    .where(and(eq(loginThrottle.username, username), gt(loginThrottle.blockedUntil, now)));
  return rows.length;
}

/** The same for every username at once (the user list), in one query: usernames with none blocked are absent. */
export async function blockedCounts(db: Queryable, now = Date.now()): Promise<Map<string, number>> {
  const rows = await db.select({ username: loginThrottle.username, client: loginThrottle.client }).from(loginThrottle)
    .where(gt(loginThrottle.blockedUntil, now));
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.username, (out.get(r.username) ?? 0) + 1);
  return out;
}
