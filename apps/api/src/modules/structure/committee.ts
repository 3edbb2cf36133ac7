import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import {
  committeeSizeOf, committeeSizeProblem, type CommitteeSize, type CommitteeHistory, type CommitteeInput, type CommitteeRecord, type CommitteeSeat, type CommitteeUpdate,
} from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { committeeMembers, committees, members, orgs } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertActive, getOrg } from './orgs-common.js';
import { currentRules } from '../quality/rules-store.js';

const ENTITY = 'committee';
type CommitteeRow = typeof committees.$inferSelect;

export async function committeeOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: committees.orgId }).from(committees).where(eq(committees.id, id));
  return row?.orgId;
}

/** Active members of a branch, those kept in its 党小组 included. */
async function branchRoll(db: Queryable, branchId: number) {
  const groups = (await db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.parentId, branchId), eq(orgs.kind, 'party_group')))).map((g) => g.id);
  return db.select({ id: members.id, category: members.category }).from(members)
    .where(and(eq(members.status, 'active'), or(eq(members.orgId, branchId), groups.length ? inArray(members.orgId, groups) : undefined)))
    .orderBy(members.id);
}

async function toRecord(db: Queryable, c: CommitteeRow): Promise<CommitteeRecord> {
  const seats = await db.select({
    memberId: committeeMembers.memberId, role: committeeMembers.role, alsoRoles: committeeMembers.alsoRoles, fullTime: committeeMembers.fullTime,
    otherPosts: committeeMembers.otherPosts, name: members.name, birthDate: members.birthDate,
    titleLevel: members.titleLevel, isDeptHead: members.isDeptHead,
  }).from(committeeMembers).innerJoin(members, eq(members.id, committeeMembers.memberId))
    .where(eq(committeeMembers.committeeId, c.id)).orderBy(committeeMembers.id);
  const [y, m, d] = c.electedDate.split('-');
  return {
    id: c.id, orgId: c.orgId, electedDate: c.electedDate, termYears: c.termYears, termEndsOn: `${Number(y) + c.termYears}-${m}-${d}`,
    endedDate: c.endedDate, members: seats, version: c.version, updatedAt: c.updatedAt, updatedBy: c.updatedBy,
  };
}

const getCommittee = async (db: Queryable, id: number) => {
  const [c] = await db.select().from(committees).where(eq(committees.id, id));
  if (!c) throw notFound(`支委会（id=${id}）不存在`);
  return c;
};

export async function listCommittees(db: Queryable, orgId: number): Promise<CommitteeHistory> {
  const org = await getOrg(db, orgId);
  if (org.kind !== 'branch') throw badRequest('只有党支部设支部委员会', [{ field: 'id', message: '该组织不是党支部' }]);
  const rows = await db.select().from(committees).where(eq(committees.orgId, orgId)).orderBy(desc(committees.electedDate), desc(committees.id));
  const current = rows.find((c) => c.endedDate === null) ?? null;
  const fullMembers = (await branchRoll(db, orgId)).filter((m) => m.category === 'full').length;
  const history: CommitteeRecord[] = [];
  for (const c of rows) if (c !== current) history.push(await toRecord(db, c));
  return {
    current: current && await toRecord(db, current),
    history,
    fullMembers, committeeRequired: fullMembers >= 7,
  };
}

/** Who may sit on the committee and how many (《中国共产党支部工作条例（试行）》第六章). */
async function assertSeatsFit(db: Queryable, branchId: number, seats: CommitteeSeat[], size: CommitteeSize): Promise<void> {
  const roll = await branchRoll(db, branchId);
  const onRoll = new Set(roll.map((m) => m.id));
  const outsiders = seats.flatMap((s, i) => (onRoll.has(s.memberId) ? [] : [{ field: `members.${i}.memberId`, message: '该党员不是本支部在册党员' }]));
  if (outsiders.length) throw badRequest('支委会成员必须是本支部在册党员', outsiders);
  // 《中国共产党章程》第七条: 预备党员没有表决权、选举权和被选举权.
  const full = new Set(roll.filter((m) => m.category === 'full').map((m) => m.id));
  const probationary = seats.flatMap((s, i) => (full.has(s.memberId) ? [] : [{ field: `members.${i}.memberId`, message: '预备党员没有被选举权' }]));
  if (probationary.length) throw badRequest('支委会成员须为正式党员', probationary);
  const problem = committeeSizeProblem(roll.filter((m) => m.category === 'full').length, seats.map((s) => s.role), seats.flatMap((s) => s.alsoRoles ?? []), size);
  if (problem) throw badRequest(problem, [{ field: 'members', message: problem }]);
}

async function insertSeats(tx: Queryable, committeeId: number, seats: CommitteeSeat[]): Promise<void> {
  await tx.insert(committeeMembers).values(seats.map((s) => ({ committeeId, ...s })));
}

/** A new election; the committee in office until now ends on the election day. */
export async function createCommittee(db: Db, user: SessionUser, orgId: number, input: CommitteeInput): Promise<CommitteeRecord> {
  const size = committeeSizeOf((await currentRules(db)).rules.params);
  return db.transaction(async (tx) => {
    const org = await getOrg(tx, orgId);
    if (org.kind !== 'branch') throw badRequest('只有党支部设支部委员会', [{ field: 'id', message: '该组织不是党支部' }]);
    assertActive(org);
    await assertSeatsFit(tx, orgId, input.members, size);
    const open = await tx.select().from(committees).where(and(eq(committees.orgId, orgId), isNull(committees.endedDate))).orderBy(committees.id);
    const latest = open.map((c) => c.electedDate).sort().at(-1);
    if (latest && input.electedDate <= latest) {
      throw badRequest('选举日期应晚于上一届支委会的选举日期', [{ field: 'electedDate', message: `应晚于上一届选举日期 ${latest}` }]);
    }
    const now = new Date().toISOString();
    for (const prev of open) {
      const before = await toRecord(tx, prev);
      await updateVersioned(tx, committees, prev.id, prev.version, { endedDate: input.electedDate }, user.username);
      await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: prev.id, orgId, before, after: await toRecord(tx, await getCommittee(tx, prev.id)) });
    }
    const [row] = await tx.insert(committees).values({
      orgId, electedDate: input.electedDate, termYears: input.termYears, updatedAt: now, updatedBy: user.username,
    }).returning();
    await insertSeats(tx, row!.id, input.members);
    const after = await toRecord(tx, row!);
    await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId, after });
    return after;
  });
}

/** Corrects the committee in office (members, roles, term); earlier committees are history and stay as they were. */
export async function updateCommittee(db: Db, user: SessionUser, id: number, input: CommitteeUpdate): Promise<CommitteeRecord> {
  const size = committeeSizeOf((await currentRules(db)).rules.params);
  return db.transaction(async (tx) => {
    const row = await getCommittee(tx, id);
    if (row.endedDate !== null) throw badRequest('往届支委会是历史记录，不能修改', [{ field: 'id', message: '该届支委会已结束' }]);
    const org = await getOrg(tx, row.orgId);
    assertActive(org);
    await assertSeatsFit(tx, row.orgId, input.members, size);
    const before = await toRecord(tx, row);
    await updateVersioned(tx, committees, id, input.version, { termYears: input.termYears }, user.username);
    await tx.delete(committeeMembers).where(eq(committeeMembers.committeeId, id));
    await insertSeats(tx, id, input.members);
    const after = await toRecord(tx, await getCommittee(tx, id));
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: row.orgId, before, after });
    return after;
  });
}
