import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.js';
import { orgs } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';

/** Unit records (年度计划, 党务干部, 述职评议, 责任清单) belong to a unit-level organisation only. */
export async function assertUnit(db: Queryable, id: number) {
  const [org] = await db.select({ id: orgs.id, parentId: orgs.parentId, unitId: orgs.unitId, name: orgs.name }).from(orgs).where(eq(orgs.id, id));
  if (!org) throw notFound(`组织（id=${id}）不存在`);
  if (org.parentId === null || org.unitId !== org.id) {
    throw badRequest(`${org.name}不是单位级党组织`, [{ field: 'id', message: '只有单位级党组织（党委、党总支、单位党支部）有此类记录' }]);
  }
  return org;
}

/** Upserts keyed by year: updating an existing record needs the version it was read at. */
export function requireVersion(version: number | undefined, what: string): number {
  if (version === undefined) throw badRequest(`${what}已存在，修改时需提供记录版本号`, [{ field: 'version', message: '缺少记录版本号 version' }]);
  return version;
}

export function assertYearNotAfter(year: number, latest: number, what: string) {
  if (year > latest) throw badRequest(`不能登记 ${latest} 年以后的${what}`, [{ field: 'year', message: `年度不能晚于 ${latest} 年` }]);
}
