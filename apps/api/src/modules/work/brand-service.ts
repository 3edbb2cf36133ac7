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

export async function brandOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: brands.orgId }).from(brands).where(eq(brands.id, id));
  return row?.orgId;
}

/** Active brands first, newest first; retired ones stay listed (history is kept). */
export async function listBrands(db: Db, orgId: number): Promise<Brand[]> {
  return db.select().from(brands).where(eq(brands.orgId, orgId))
    .orderBy(desc(brands.active), desc(brands.createdYear), asc(brands.id));
}

const get = async (db: Queryable, id: number) => {
  const [row] = await db.select().from(brands).where(eq(brands.id, id));
  if (!row) throw notFound(`支部品牌（id=${id}）不存在`);
  return row;
};

export async function createBrand(db: Db, user: SessionUser, orgId: number, input: BrandInput): Promise<Brand> {
  return db.transaction(async (tx) => {
    await assertBranch(tx, orgId, '支部品牌');
    const [row] = await tx.insert(brands).values({ ...input, orgId, active: true, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
    await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId, after: row });
    return row!;
  });
}

export async function updateBrand(db: Db, user: SessionUser, id: number, input: BrandUpdate): Promise<Brand> {
  return db.transaction(async (tx) => {
    const before = await get(tx, id);
    const { version, ...values } = input;
    await updateVersioned(tx, brands, id, version, values, user.username);
    const after = await get(tx, id);
    const action = before.active && !after.active ? 'retire' : 'update';
    await recordAudit(tx, user, { action, entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}
