import { eq, sql } from 'drizzle-orm';
import type { OrgCreate, OrgRecord, OrgUpdate } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db } from '../../db/index.js';
import { orgs } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, forbidden } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertActive, assertNameFree, getOrg, isUnitLevel, ORG_ENTITY, toRecord, type OrgRow } from './orgs-common.js';

/**
 * 党支部 sit under a unit's 党委 or 党总支; 党小组 under a 党支部
 * (《中国共产党支部工作条例（试行）》第七条、第十条). A unit whose whole
 * organisation is one 党支部 can have 党小组 but no sub-branches.
 */
function assertParentFits(parent: OrgRow, kind: OrgCreate['kind']) {
  if (kind === 'party_group') {
    if (parent.kind !== 'branch') throw badRequest('党小组只能设在党支部之下', [{ field: 'kind', message: '上级组织不是党支部' }]);
    return;
  }
  if (parent.kind === 'branch' && isUnitLevel(parent)) {
    throw badRequest('该单位整体为一个党支部，不能再设下级党支部', [{ field: 'kind', message: '该单位不能设立下级党支部' }]);
  }
  if (!isUnitLevel(parent) || (parent.kind !== 'party_committee' && parent.kind !== 'general_branch')) {
    throw badRequest('党支部只能设在单位党委或党总支之下', [{ field: 'kind', message: '上级组织不是单位党委或党总支' }]);
  }
}

export async function createOrg(db: Db, user: SessionUser, parentId: number, input: OrgCreate): Promise<OrgRecord> {
  return db.transaction(async (tx) => {
    const parent = await getOrg(tx, parentId);
    assertActive(parent);
    assertParentFits(parent, input.kind);
    await assertNameFree(tx, parent.id, input.name);
    if (parent.foundedDate && input.foundedDate < parent.foundedDate) {
      throw badRequest('成立日期早于上级组织的成立日期', [{ field: 'foundedDate', message: `成立日期不能早于上级组织成立日期 ${parent.foundedDate}` }]);
    }
    const [last] = await tx.select({ n: sql<number>`coalesce(max(${orgs.sortOrder}), 0)` }).from(orgs).where(eq(orgs.parentId, parent.id));
    const [row] = await tx.insert(orgs).values({
      parentId: parent.id, unitId: parent.unitId, kind: input.kind, name: input.name,
      branchCategory: input.kind === 'branch' ? input.branchCategory ?? null : null,
      department: input.department, foundedDate: input.foundedDate, sortOrder: Number(last?.n ?? 0) + 1,
      updatedAt: new Date().toISOString(), updatedBy: user.username,
    }).returning();
    await recordAudit(tx, user, { action: 'create', entityType: ORG_ENTITY, entityId: row!.id, orgId: row!.id, after: row });
    return toRecord(row!);
  });
}

export async function updateOrg(db: Db, user: SessionUser, id: number, input: OrgUpdate): Promise<OrgRecord> {
  return db.transaction(async (tx) => {
    const before = await getOrg(tx, id);
    if (before.parentId === null) throw forbidden('机关党委不能在此修改');
    // Unit-level organisations are set up by the commission; units edit what lies beneath them.
    if (isUnitLevel(before) && user.role !== 'admin') throw forbidden('单位级党组织的信息由委机关党委管理员修改');
    assertActive(before);
    if (input.branchCategory && before.kind !== 'branch') {
      throw badRequest('只有党支部设支部类别', [{ field: 'branchCategory', message: '该组织不是党支部，不设支部类别' }]);
    }
    await assertNameFree(tx, before.parentId, input.name, id);
    const { version, ...values } = input;
    await updateVersioned(tx, orgs, id, version, {
      name: values.name, department: values.department,
      ...(values.branchCategory ? { branchCategory: values.branchCategory } : {}),
    }, user.username);
    const after = await getOrg(tx, id);
    await recordAudit(tx, user, { action: 'update', entityType: ORG_ENTITY, entityId: id, orgId: id, before, after });
    return toRecord(after);
  });
}
