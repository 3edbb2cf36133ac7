import { and, asc, eq } from 'drizzle-orm';
import { todayIso, type ResponsibilityItem, type ResponsibilityItemInput, type ResponsibilityItemUpdate } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { responsibilityItems } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertUnit, assertYearNotAfter } from './unit-common.js';

const ENTITY = 'responsibility_item';

export async function itemUnitId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ unitId: responsibilityItems.unitId }).from(responsibilityItems).where(eq(responsibilityItems.id, id));
  return row?.unitId;
}

export async function listItems(db: Db, unitId: number, year?: number): Promise<ResponsibilityItem[]> {
  await assertUnit(db, unitId);
  return db.select().from(responsibilityItems)
    .where(and(eq(responsibilityItems.unitId, unitId), year ? eq(responsibilityItems.year, year) : undefined))
    .orderBy(asc(responsibilityItems.year), asc(responsibilityItems.id));
}

const get = async (db: Queryable, id: number) => {
  const [row] = await db.select().from(responsibilityItems).where(eq(responsibilityItems.id, id));
  if (!row) throw notFound(`责任清单事项（id=${id}）不存在`);
  return row;
};

/** 全面从严治党主体责任清单: the unit lists its items for a year and ticks them off. */
export async function createItem(db: Db, user: SessionUser, unitId: number, input: ResponsibilityItemInput): Promise<ResponsibilityItem> {
  return db.transaction(async (tx) => {
    await assertUnit(tx, unitId);
    assertYearNotAfter(input.year, Number(todayIso().slice(0, 4)) + 1, '责任清单');
    const [row] = await tx.insert(responsibilityItems).values({ ...input, unitId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
    await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId: unitId, after: row });
    return row!;
  });
}

export async function updateItem(db: Db, user: SessionUser, id: number, input: ResponsibilityItemUpdate): Promise<ResponsibilityItem> {
  return db.transaction(async (tx) => {
    const before = await get(tx, id);
    const { version, ...values } = input;
    await updateVersioned(tx, responsibilityItems, id, version, values, user.username);
    const after = await get(tx, id);
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.unitId, before, after });
    return after;
  });
}
