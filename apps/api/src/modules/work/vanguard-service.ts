import { and, asc, desc, eq, or } from 'drizzle-orm';
import type { VanguardPost, VanguardPostInput, VanguardPostUpdate } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { members, orgs, vanguardPosts } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertBranch } from './branch.js';

const ENTITY = 'vanguard_post';

export async function postOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: vanguardPosts.orgId }).from(vanguardPosts).where(eq(vanguardPosts.id, id));
  return row?.orgId;
}

const columns = {
  id: vanguardPosts.id, orgId: vanguardPosts.orgId, year: vanguardPosts.year, name: vanguardPosts.name,
  leaderMemberId: vanguardPosts.leaderMemberId, leaderName: members.name, memberCount: vanguardPosts.memberCount,
  description: vanguardPosts.description, version: vanguardPosts.version, updatedAt: vanguardPosts.updatedAt, updatedBy: vanguardPosts.updatedBy,
};
const withLeader = (db: Queryable) => db.select(columns).from(vanguardPosts).leftJoin(members, eq(members.id, vanguardPosts.leaderMemberId));

export async function listPosts(db: Db, orgId: number, q: { year?: number }): Promise<VanguardPost[]> {
  return withLeader(db).where(and(eq(vanguardPosts.orgId, orgId), q.year ? eq(vanguardPosts.year, q.year) : undefined))
    .orderBy(desc(vanguardPosts.year), asc(vanguardPosts.id));
}

const get = async (db: Queryable, id: number) => {
  const [row] = await withLeader(db).where(eq(vanguardPosts.id, id));
  if (!row) throw notFound(`党员先锋岗（id=${id}）不存在`);
  return row;
};

/** The post is led by a member on the branch's roll (the branch itself or one of its 党小组). */
async function assertLeader(db: Queryable, branchId: number, memberId: number) {
  const [m] = await db.select({ status: members.status }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.id, memberId), or(eq(orgs.id, branchId), eq(orgs.parentId, branchId))));
  if (!m || m.status !== 'active') {
    throw badRequest('先锋岗负责人须为本支部在册党员', [{ field: 'leaderMemberId', message: '先锋岗负责人须为本支部在册党员' }]);
  }
}

export async function createPost(db: Db, user: SessionUser, orgId: number, input: VanguardPostInput): Promise<VanguardPost> {
  return db.transaction(async (tx) => {
    await assertBranch(tx, orgId, '党员先锋岗');
    await assertLeader(tx, orgId, input.leaderMemberId);
    const [{ id }] = await tx.insert(vanguardPosts).values({ ...input, orgId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning({ id: vanguardPosts.id }) as [{ id: number }];
    const after = await get(tx, id);
    await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: id, orgId, after });
    return after;
  });
}

export async function updatePost(db: Db, user: SessionUser, id: number, input: VanguardPostUpdate): Promise<VanguardPost> {
  return db.transaction(async (tx) => {
    const before = await get(tx, id);
    const { version, ...values } = input;
    // A stale version gets its 409 before the leader is judged against data the user has not seen.
    if (before.version !== version) await updateVersioned(tx, vanguardPosts, id, version, {}, user.username);
    await assertLeader(tx, before.orgId, values.leaderMemberId);
    await updateVersioned(tx, vanguardPosts, id, version, values, user.username);
    const after = await get(tx, id);
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}
