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

/** Reads the log's head now and compares it with `prev` (null: the first look). One query, over the rows in and above prev's window. */
export async function checkAudit(db: Queryable, prev: AuditStamp | null): Promise<AuditCheck> {
  if (!prev) {
    // The first look counts the window below the head only (one statement: the head inside and outside is the same).
    const [first] = await db.select({ head: max(auditLog.id), seen: count() }).from(auditLog)
      .where(gt(auditLog.id, sql`(select coalesce(max(${auditLog.id}), 0) from ${auditLog}) - ${sql.raw(String(WINDOW))}`));
    const head = first?.head ?? 0;
    return { stamp: { head, low: head - WINDOW, seen: first?.seen ?? 0 }, same: false, lateBelow: false };
  }
  const low = prev.low;
  const prevHead = prev.head;
  // The next window starts WINDOW rows below the head seen last time (never lower than this one).
  const nextLow = Math.max(low, prevHead - WINDOW);
  const [r] = await db.select({
    head: max(auditLog.id),
    upToPrev: sum(asInt(sql`${auditLog.id} <= ${prevHead}`)),
    aboveNext: sum(asInt(sql`${auditLog.id} > ${nextLow}`)),
  }).from(auditLog).where(gt(auditLog.id, low));
  const head = r?.head ?? Math.max(low, 0);
  const stamp = { head, low: nextLow, seen: Number(r?.aboveNext ?? 0) };
  const lateBelow = Number(r?.upToPrev ?? 0) !== prev.seen;
  return { stamp, same: head === prev.head && !lateBelow, lateBelow };
}

/**
 * The audit id after which the writes since `prev` lie: its head, or — when a
 * row came late below it — the bottom of its window, where the late row is
 * (every row in the window is then taken as new: a superset, never a miss).
 * Before, a late row recomputed the whole commission: on PostgreSQL, with two
 * servers writing, that was most checks (bench/load.bench.ts at 10×).
 */
export function sinceOf(prev: AuditStamp, check: AuditCheck): number {
  return check.lateBelow ? prev.low : prev.head;
}
