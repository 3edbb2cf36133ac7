import { and, desc, eq } from 'drizzle-orm';
import { todayIso, type UnitPlan, type UnitPlanInput } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { unitPlans } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertUnit, assertYearNotAfter, requireVersion } from './unit-common.js';

const ENTITY = 'unit_plan';

export async function listPlans(db: Db, unitId: number): Promise<UnitPlan[]> {
  await assertUnit(db, unitId);
  return db.select().from(unitPlans).where(eq(unitPlans.unitId, unitId)).orderBy(desc(unitPlans.year));
}

const find = async (db: Queryable, unitId: number, year: number) =>
  (await db.select().from(unitPlans).where(and(eq(unitPlans.unitId, unitId), eq(unitPlans.year, year))))[0];

/**
 * 年度党建工作计划: one per unit and year. It is due in the first quarter, so
 * it may be submitted late in the year before or during the year itself.
 */
export async function savePlan(db: Db, user: SessionUser, unitId: number, year: number, input: UnitPlanInput): Promise<{ created: boolean; plan: UnitPlan }> {
  return db.transaction(async (tx) => {
    await assertUnit(tx, unitId);
    assertYearNotAfter(year, Number(todayIso().slice(0, 4)) + 1, '年度党建工作计划');
    const submittedYear = Number(input.submittedDate.slice(0, 4));
    if (submittedYear < year - 1 || submittedYear > year) {
      throw badRequest(`${year}年度计划的提交日期应在 ${year - 1} 年或 ${year} 年内`, [{ field: 'submittedDate', message: `提交日期应在 ${year - 1} 年或 ${year} 年内` }]);
    }
    const { version, ...values } = input;
    const before = await find(tx, unitId, year);
    if (!before) {
      const [row] = await tx.insert(unitPlans).values({ ...values, unitId, year, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
      await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId: unitId, after: row });
      return { created: true, plan: row! };
    }
    await updateVersioned(tx, unitPlans, before.id, requireVersion(version, `${year}年度党建工作计划`), values, user.username);
    const after = (await find(tx, unitId, year))!;
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: before.id, orgId: unitId, before, after });
    return { created: false, plan: after };
  });
}
