import { and, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/index.js';
import { meetings, orgs } from '../../db/schema/index.js';
import { yieldToLoop } from './event-loop.js';

/** The years that have 组织生活 records, newest first (one query over every meeting: tools and the demo's year close). */
export async function dataYears(db: Queryable): Promise<number[]> {
  const rows = await db.selectDistinct({ y: sql<string>`substr(${meetings.date}, 1, 4)` }).from(meetings);
  return rows.map((r) => Number(r.y)).sort((a, b) => b - a);
}

/**
 * How many orgs (by id) one slice of the whole commission's years scan reads: about 8 units’ meetings, some 10 ms at
 * province size (150 orgs and the request's own work before the first slice held the event loop 27 ms of CPU at 100×).
 */
const YEARS_SLICE_ORGS = 100;

/**
 * The years with meetings, per unit (of the given units only, when named).
 * The whole commission's are read in slices of org ids (each a range of the
 * meetings' (org_id, date) index), the event loop free between them: one
 * scan of a province's 1.6 M meetings held it for more than a second.
 */
export async function yearsByUnit(db: Queryable, unitIds?: number[], sliceOrgs = YEARS_SLICE_ORGS): Promise<Map<number, Set<number>>> {
  const unit = sql<number>`coalesce(${orgs.unitId}, ${orgs.id})`;
  const scan = (where: SQL | undefined) => db.selectDistinct({ unit, y: sql<string>`substr(${meetings.date}, 1, 4)` }).from(meetings)
    .innerJoin(orgs, eq(orgs.id, meetings.orgId)).where(where);
  const out = new Map<number, Set<number>>(unitIds?.map((id) => [id, new Set<number>()]) ?? []);
  const add = (rows: { unit: number; y: string }[]) => {
    for (const r of rows) {
      const id = Number(r.unit);
      let set = out.get(id);
      if (!set) out.set(id, (set = new Set()));
      set.add(Number(r.y));
    }
  };
  if (unitIds) {
    add(await scan(inArray(meetings.orgId, db.select({ id: orgs.id }).from(orgs).where(or(inArray(orgs.unitId, unitIds), inArray(orgs.id, unitIds))))));
    return out;
  }
  const ids = (await db.select({ id: orgs.id }).from(orgs).orderBy(orgs.id)).map((o) => o.id);
  // The ids of a province's orgs are one read: the first slice runs after what waits, not in the same turn.
  await yieldToLoop();
  for (let i = 0; i < ids.length; i += sliceOrgs) {
    const last = ids[Math.min(i + sliceOrgs, ids.length) - 1]!;
    add(await scan(i + sliceOrgs >= ids.length ? gte(meetings.orgId, ids[i]!) : and(gte(meetings.orgId, ids[i]!), lte(meetings.orgId, last))));
    if (i + sliceOrgs < ids.length) await yieldToLoop();
  }
  return out;
}
