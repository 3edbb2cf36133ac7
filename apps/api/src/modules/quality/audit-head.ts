import { count, gt, max, sql, sum } from 'drizzle-orm';
import type { Queryable } from '../../db/index.js';
import { auditLog } from '../../db/schema/index.js';
import { asInt } from '../../db/dialect.js';

/**
 * Where the audit log stood when something was computed from the records:
 * its highest id, and how many rows lie in (low, head]. Every write appends
 * an audit row in its own transaction, so "the head moved" means "something
 * was written" — in this process or another.
 *
 * The head alone is not enough on PostgreSQL: ids are handed out when a row
 * is inserted but become visible at commit, so a transaction that took id 10
 * can commit after one that took 11 was seen. The count of the rows in a
 * window below the head catches that: it grows when such a late row lands.
 * (On SQLite writes run one at a time and ids are visible in their order.)
 * The window trails the head by WINDOW rows, so checking it stays cheap.
 */
export interface AuditStamp { head: number; low: number; seen: number }

/** How far below the head a late commit is still looked for. */
const WINDOW = 1000;

export interface AuditCheck {
  stamp: AuditStamp;
  /** Nothing was written since `prev` (false without one). */
  same: boolean;
  /** Rows that `prev` did not see landed below its head: what changed since cannot be told from the ids after it. */
  lateBelow: boolean;
}

/** Reads the log's head now and compares it with `prev` (null: the first look). One query, over the rows above prev's window. */
export async function checkAudit(db: Queryable, prev: AuditStamp | null): Promise<AuditCheck> {
  const low = prev?.low ?? 0;
  const prevHead = prev?.head ?? 0;
  // The next window starts WINDOW rows below the head seen last time (never lower than this one).
  const nextLow = Math.max(low, prevHead - WINDOW);
  const [r] = await db.select({
    head: max(auditLog.id),
    total: count(),
    upToPrev: sum(asInt(sql`${auditLog.id} <= ${prevHead}`)),
    aboveNext: sum(asInt(sql`${auditLog.id} > ${nextLow}`)),
  }).from(auditLog).where(gt(auditLog.id, low));
  const head = r?.head ?? low;
  const stamp = { head, low: nextLow, seen: Number(r?.aboveNext ?? 0) };
  if (!prev) return { stamp: { head, low, seen: r?.total ?? 0 }, same: false, lateBelow: false };
  const lateBelow = Number(r?.upToPrev ?? 0) !== prev.seen;
  return { stamp, same: head === prev.head && !lateBelow, lateBelow };
}
