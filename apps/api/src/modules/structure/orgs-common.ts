import { and, eq, ne } from 'drizzle-orm';
import type { OrgRecord } from '@wj/domain/schemas';
import type { Queryable } from '../../db/index.js';
import { orgs } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';

export type OrgRow = typeof orgs.$inferSelect;
export const ORG_ENTITY = 'org';

export async function getOrg(db: Queryable, id: number): Promise<OrgRow> {
  const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
  if (!row) throw notFound(`组织（id=${id}）不存在`);
  return row;
}

/** A unit-level organisation: its own unit (党委, 党总支, or a unit that is one 党支部). */
export const isUnitLevel = (o: Pick<OrgRow, 'id' | 'unitId' | 'parentId'>) => o.parentId !== null && o.unitId === o.id;

export function toRecord(r: OrgRow): OrgRecord {
  return {
    id: r.id, parentId: r.parentId, unitId: r.unitId, kind: r.kind, name: r.name, branchCategory: r.branchCategory,
    department: r.department, foundedDate: r.foundedDate, status: r.status, dissolvedDate: r.dissolvedDate,
    version: r.version, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
  };
}

export function assertActive(o: OrgRow, field = 'id') {
  if (o.status !== 'active') throw badRequest(`${o.name}已撤销，不能再修改`, [{ field, message: '该组织已撤销' }]);
}

/** Names must be unique among the active orgs under the same parent, so the tree never shows two alike. */
export async function assertNameFree(db: Queryable, parentId: number, name: string, selfId?: number): Promise<void> {
  const [clash] = await db.select({ id: orgs.id }).from(orgs)
    .where(and(eq(orgs.parentId, parentId), eq(orgs.status, 'active'), eq(orgs.name, name), selfId ? ne(orgs.id, selfId) : undefined))
    .limit(1);
  if (clash) throw badRequest(`同一上级组织下已有名为“${name}”的组织`, [{ field: 'name', message: '同级组织中已有同名组织' }]);
}
