import { and, desc, eq } from 'drizzle-orm';
import { todayIso, type SecretaryReview, type SecretaryReviewInput } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { secretaryReviews } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertUnit, assertYearNotAfter, requireVersion } from './unit-common.js';

const ENTITY = 'secretary_review';

export async function listReviews(db: Db, unitId: number): Promise<SecretaryReview[]> {
  await assertUnit(db, unitId);
  return db.select().from(secretaryReviews).where(eq(secretaryReviews.orgId, unitId)).orderBy(desc(secretaryReviews.year));
}

const find = async (db: Queryable, unitId: number, year: number) =>
  (await db.select().from(secretaryReviews).where(and(eq(secretaryReviews.orgId, unitId), eq(secretaryReviews.year, year))))[0];

/** 书记抓基层党建述职评议: the commission grades each unit secretary once a year (admin only, see the route). */
export async function saveReview(db: Db, user: SessionUser, unitId: number, year: number, input: SecretaryReviewInput): Promise<{ created: boolean; review: SecretaryReview }> {
  return db.transaction(async (tx) => {
    await assertUnit(tx, unitId);
    assertYearNotAfter(year, Number(todayIso().slice(0, 4)), '述职评议');
    const { version, ...values } = input;
    const before = await find(tx, unitId, year);
    if (!before) {
      const [row] = await tx.insert(secretaryReviews).values({ ...values, orgId: unitId, year, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
      await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId: unitId, after: row });
      return { created: true, review: row! };
    }
    await updateVersioned(tx, secretaryReviews, before.id, requireVersion(version, `${year}年度述职评议`), values, user.username);
    const after = (await find(tx, unitId, year))!;
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: before.id, orgId: unitId, before, after });
    return { created: false, review: after };
  });
}
