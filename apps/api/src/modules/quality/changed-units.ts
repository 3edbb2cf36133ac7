import { eq, gt } from 'drizzle-orm';
import type { Queryable } from '../../db/index.js';
import { auditLog, orgs } from '../../db/schema/index.js';

/**
 * Which units a write since some audit head touched: every write appends an
 * audit row naming its org (lib/audit.ts), so the units named after a head are
 * the ones whose scores may have changed since.
 */

/** How far below a kept head a PostgreSQL write may still commit unseen (audit-head.ts: ids are handed out at insert). */
export const LATE_WINDOW = 1000;

/** Audit actions that move records between orgs: their audit row names one org, but others change too. */
const MOVES = new Set(['transfer', 'merge', 'dissolve', 'import']);

/** Users and rule sets don't change records; rule changes come in through the version key. */
const outsideRecords = (entityType: string) => entityType === 'user' || entityType === 'rule_set';

/**
 * The units written since `afterId`, or 'all' when a write may have touched
 * more than the org it names. With `year`: a 组织生活 record dated in another
 * year (before and after the write) changes nothing of this year's scores —
 * the facts of a year read only its own meetings — so its unit is left as it is.
 */
export async function changedUnits(db: Queryable, afterId: number, year?: number): Promise<Set<number> | 'all'> {
  const rows = await db.select({ action: auditLog.action, entityType: auditLog.entityType, orgId: auditLog.orgId, unitId: orgs.unitId, before: auditLog.before, after: auditLog.after })
    .from(auditLog).leftJoin(orgs, eq(orgs.id, auditLog.orgId)).where(gt(auditLog.id, afterId));
  const units = new Set<number>();
  for (const r of rows) {
    if (outsideRecords(r.entityType)) continue;
    if (MOVES.has(r.action) || r.orgId == null || r.unitId == null) return 'all';
    const sides = [r.before, r.after].filter((x) => x != null);
    if (year !== undefined && r.entityType === 'meeting' && sides.length > 0 && !sides.some((x) => meetingIn(x, year))) continue;
    units.add(r.unitId);
  }
  return units;
}

/** Whether an audit row's side names a meeting dated in `year` (a side without a date counts as in it). */
function meetingIn(side: unknown, year: number): boolean {
  const v = typeof side === 'string' ? (JSON.parse(side) as unknown) : side;
  const date = (v as { date?: unknown } | null)?.date;
  return typeof date !== 'string' || date.slice(0, 4) === String(year);
}

/**
 * The kept units whose records changed after their row's audit head (on
 * PostgreSQL also in a window below it, for commits that came late), or 'all'
 * when a write since may have touched more than the org it names.
 */
export async function dirtyUnits(db: Queryable, kept: { unitId: number; auditHead: number }[], window: number): Promise<Set<number> | 'all'> {
  const minHead = Math.min(...kept.map((k) => k.auditHead));
  const headOf = new Map(kept.map((k) => [k.unitId, k.auditHead]));
  const rows = await db.select({ id: auditLog.id, action: auditLog.action, entityType: auditLog.entityType, orgId: auditLog.orgId, unitId: orgs.unitId })
    .from(auditLog).leftJoin(orgs, eq(orgs.id, auditLog.orgId)).where(gt(auditLog.id, minHead - window));
  const units = new Set<number>();
  for (const r of rows) {
    if (outsideRecords(r.entityType)) continue;
    if (MOVES.has(r.action) || r.orgId == null) return 'all';
    const unit = r.unitId ?? r.orgId;
    if (r.id > (headOf.get(unit) ?? -Infinity) - window) units.add(unit);
  }
  return units;
}
