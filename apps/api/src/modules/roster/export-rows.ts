import { and, eq } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@wj/domain';
import { openReader, type Queryable } from '../../db/index.js';
import { members, orgs } from '../../db/schema/index.js';
import { memberScopeCondition } from '../members/service.js';
import type { ExportMember } from './write-workbook.js';

/** The members on the roll in the org's sub-tree, in org and id order; 公民身份号码 and phone masked unless `unmasked` (admin). */
export async function rosterRows(db: Queryable, orgId: number, unmasked: boolean): Promise<ExportMember[]> {
  const institutions = new Map((await db.select({ id: orgs.id, name: orgs.institutionName }).from(orgs)).map((o) => [o.id, o.name]));
  return (await db.select({ m: members, orgName: orgs.name, unitId: orgs.unitId }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(await memberScopeCondition(db, orgId), eq(members.status, 'active')))
    .orderBy(members.orgId, members.id))
    .map(({ m, orgName, unitId }) => {
      // 所在党支部 with the unit's name in front, as the national system writes it; it imports back at unit level.
      const unit = unitId === null ? null : institutions.get(unitId) ?? null;
      return {
        ...m, branch: unit && !orgName.startsWith(unit) ? `${unit}${orgName}` : orgName,
        idNumber: unmasked ? m.idNumber : maskIdNumber(m.idNumber),
        phone: m.phone && !unmasked ? maskPhone(m.phone) : m.phone,
      };
    });
}

/** The same rows read in the render worker, on its own read-only connection to `target` (a SQLite file or a PostgreSQL URL). */
export async function rosterRowsIn(target: string, orgId: number, unmasked: boolean): Promise<ExportMember[]> {
  const db = await openReader(target);
  try {
    return await rosterRows(db, orgId, unmasked);
  } finally {
    await db.close();
  }
}
