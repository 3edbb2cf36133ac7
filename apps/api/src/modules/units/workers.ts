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

export async function workerUnitId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ unitId: partyWorkers.unitId }).from(partyWorkers).where(eq(partyWorkers.id, id));
  return row?.unitId;
}

/** Serving workers first, then those who left; the ratio of 专职党务干部 counts only the serving ones. */
export async function listWorkers(db: Db, unitId: number): Promise<PartyWorker[]> {
  await assertUnit(db, unitId);
  return db.select().from(partyWorkers).where(eq(partyWorkers.unitId, unitId))
    .orderBy(sql`${partyWorkers.endDate} is not null`, desc(partyWorkers.fullTime), asc(partyWorkers.startDate), asc(partyWorkers.id));
}

const get = async (db: Queryable, id: number) => {
  const [row] = await db.select().from(partyWorkers).where(eq(partyWorkers.id, id));
  if (!row) throw notFound(`党务干部记录（id=${id}）不存在`);
  return row;
};

export async function createWorker(db: Db, user: SessionUser, unitId: number, input: PartyWorkerInput): Promise<PartyWorker> {
  return db.transaction(async (tx) => {
    await assertUnit(tx, unitId);
    const [row] = await tx.insert(partyWorkers).values({ ...input, unitId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
    await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId: unitId, after: row });
    return row!;
  });
}

/** Someone leaving the post gets an end date; the row stays as the unit's history. */
export async function updateWorker(db: Db, user: SessionUser, id: number, input: PartyWorkerUpdate): Promise<PartyWorker> {
  return db.transaction(async (tx) => {
    const before = await get(tx, id);
    const { version, ...values } = input;
    await updateVersioned(tx, partyWorkers, id, version, values, user.username);
    const after = await get(tx, id);
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.unitId, before, after });
    return after;
  });
}
