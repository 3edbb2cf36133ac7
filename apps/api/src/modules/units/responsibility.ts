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

export function itemUnitId(db: Db, id: number): number | undefined {
  return db.select({ unitId: responsibilityItems.unitId }).from(responsibilityItems).where(eq(responsibilityItems.id, id)).get()?.unitId;
}

export function listItems(db: Db, unitId: number, year?: number): ResponsibilityItem[] {
  assertUnit(db, unitId);
  return db.select().from(responsibilityItems)
    .where(and(eq(responsibilityItems.unitId, unitId), year ? eq(responsibilityItems.year, year) : undefined))
    .orderBy(asc(responsibilityItems.year), asc(responsibilityItems.id)).all();
}

const get = (db: Queryable, id: number) => {
  const row = db.select().from(responsibilityItems).where(eq(responsibilityItems.id, id)).get();
  if (!row) throw notFound(`责任清单事项（id=${id}）不存在`);
  return row;
};

/** 全面从严治党主体责任清单: the unit lists its items for a year and ticks them off. */
export function createItem(db: Db, user: SessionUser, unitId: number, input: ResponsibilityItemInput): ResponsibilityItem {
  return db.transaction((tx) => {
    assertUnit(tx, unitId);
    assertYearNotAfter(input.year, Number(todayIso().slice(0, 4)) + 1, '责任清单');
    const row = tx.insert(responsibilityItems).values({ ...input, unitId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning().get();
    recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row.id, orgId: unitId, after: row });
    return row;
  });
}

export function updateItem(db: Db, user: SessionUser, id: number, input: ResponsibilityItemUpdate): ResponsibilityItem {
  return db.transaction((tx) => {
    const before = get(tx, id);
    const { version, ...values } = input;
    updateVersioned(tx, responsibilityItems, id, version, values, user.username);
    const after = get(tx, id);
    recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.unitId, before, after });
    return after;
  });
}
