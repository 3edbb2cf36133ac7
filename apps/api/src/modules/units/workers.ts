import { asc, desc, eq, sql } from 'drizzle-orm';
import type { PartyWorker, PartyWorkerInput, PartyWorkerUpdate } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { partyWorkers } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertUnit } from './unit-common.js';

const ENTITY = 'party_worker';

export function workerUnitId(db: Db, id: number): number | undefined {
  return db.select({ unitId: partyWorkers.unitId }).from(partyWorkers).where(eq(partyWorkers.id, id)).get()?.unitId;
}

/** Serving workers first, then those who left; the ratio of 专职党务干部 counts only the serving ones. */
export function listWorkers(db: Db, unitId: number): PartyWorker[] {
  assertUnit(db, unitId);
  return db.select().from(partyWorkers).where(eq(partyWorkers.unitId, unitId))
    .orderBy(sql`${partyWorkers.endDate} is not null`, desc(partyWorkers.fullTime), asc(partyWorkers.startDate), asc(partyWorkers.id)).all();
}

const get = (db: Queryable, id: number) => {
  const row = db.select().from(partyWorkers).where(eq(partyWorkers.id, id)).get();
  if (!row) throw notFound(`党务干部记录（id=${id}）不存在`);
  return row;
};

export function createWorker(db: Db, user: SessionUser, unitId: number, input: PartyWorkerInput): PartyWorker {
  return db.transaction((tx) => {
    assertUnit(tx, unitId);
    const row = tx.insert(partyWorkers).values({ ...input, unitId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning().get();
    recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row.id, orgId: unitId, after: row });
    return row;
  });
}

/** Someone leaving the post gets an end date; the row stays as the unit's history. */
export function updateWorker(db: Db, user: SessionUser, id: number, input: PartyWorkerUpdate): PartyWorker {
  return db.transaction((tx) => {
    const before = get(tx, id);
    const { version, ...values } = input;
    updateVersioned(tx, partyWorkers, id, version, values, user.username);
    const after = get(tx, id);
    recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.unitId, before, after });
    return after;
  });
}
