import { asc, desc, eq } from 'drizzle-orm';
import type { Brand, BrandInput, BrandUpdate } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { brands } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertBranch } from './branch.js';

const ENTITY = 'brand';

export function brandOrgId(db: Db, id: number): number | undefined {
  return db.select({ orgId: brands.orgId }).from(brands).where(eq(brands.id, id)).get()?.orgId;
}

/** Active brands first, newest first; retired ones stay listed (history is kept). */
export function listBrands(db: Db, orgId: number): Brand[] {
  return db.select().from(brands).where(eq(brands.orgId, orgId))
    .orderBy(desc(brands.active), desc(brands.createdYear), asc(brands.id)).all();
}

const get = (db: Queryable, id: number) => {
  const row = db.select().from(brands).where(eq(brands.id, id)).get();
  if (!row) throw notFound(`支部品牌（id=${id}）不存在`);
  return row;
};

export function createBrand(db: Db, user: SessionUser, orgId: number, input: BrandInput): Brand {
  assertBranch(db, orgId, '支部品牌');
  return db.transaction((tx) => {
    const row = tx.insert(brands).values({ ...input, orgId, active: true, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning().get();
    recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row.id, orgId, after: row });
    return row;
  });
}

export function updateBrand(db: Db, user: SessionUser, id: number, input: BrandUpdate): Brand {
  return db.transaction((tx) => {
    const before = get(tx, id);
    const { version, ...values } = input;
    updateVersioned(tx, brands, id, version, values, user.username);
    const after = get(tx, id);
    const action = before.active && !after.active ? 'retire' : 'update';
    recordAudit(tx, user, { action, entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}
