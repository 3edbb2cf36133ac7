import { and, eq, isNull, ne } from 'drizzle-orm';
import { COMMITTEE_ROLE_LABELS, ORG_KIND_LABELS } from '@wj/domain';
import { idNumberTakenMessage } from '@wj/domain/schemas';
import { inScope, scopeOf } from '../../auth/scope.js';
import type { SessionUser } from '../../auth/sessions.js';
import type { Queryable } from '../../db/index.js';
import { committeeMembers, committees, members, orgs } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';

export type MemberRow = typeof members.$inferSelect;

export async function getMember(db: Queryable, id: number): Promise<MemberRow> {
  const [row] = await db.select().from(members).where(eq(members.id, id));
  if (!row) throw notFound(`党员（id=${id}）不存在`);
  return row;
}

/**
 * 党员 are enrolled in a 党支部 (《中国共产党支部工作条例（试行）》第二条: the branch is
 * where members are organised); a 党委, 总支 or 党小组 keeps no roll of its own.
 */
export async function assertBranchTarget(db: Queryable, orgId: number, field = 'orgId') {
  const [org] = await db.select({ kind: orgs.kind, name: orgs.name, status: orgs.status }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound(`组织（id=${orgId}）不存在`);
  if (org.kind !== 'branch') {
    const hint = org.kind === 'party_group' ? '请选择党小组所在的党支部' : '请选择其下的党支部';
    const message = `党员只能编入党支部：${org.name}是${ORG_KIND_LABELS[org.kind]}，${hint}`;
    throw badRequest(message, [{ field, message }]);
  }
  if (org.status !== 'active') {
    const message = `${org.name}已撤销，不能再编入党员`;
    throw badRequest(message, [{ field, message }]);
  }
  return org;
}

/** Who holds a 公民身份号码 (any status: a member who left still owns it). */
export async function idNumberHolder(db: Queryable, idNumber: string, exceptMemberId?: number) {
  const [holder] = await db.select({ id: members.id, name: members.name, orgId: members.orgId, orgName: orgs.name, status: members.status, version: members.version })
    .from(members).innerJoin(orgs, eq(orgs.id, members.orgId))
    .where(and(eq(members.idNumber, idNumber), exceptMemberId ? ne(members.id, exceptMemberId) : undefined))
    .orderBy(members.id).limit(1);
  return holder;
}

/**
 * What a caller may be told about the holder of a 公民身份号码: name and branch
 * when the holder's branch lies in the caller's scope (admin: always), else
 * only that the number is registered elsewhere in the commission.
 */
export async function takenMessageFor(db: Queryable, user: SessionUser, holder: { name: string; orgId: number; orgName: string }): Promise<string> {
  const [org] = await db.select({ id: orgs.id, parentId: orgs.parentId, unitId: orgs.unitId }).from(orgs).where(eq(orgs.id, holder.orgId));
  const visible = user.role === 'admin' || (org !== undefined && inScope(scopeOf(user), org));
  return idNumberTakenMessage(visible ? holder : null);
}

export async function assertIdNumberFree(db: Queryable, user: SessionUser, idNumber: string, exceptMemberId?: number): Promise<void> {
  const holder = await idNumberHolder(db, idNumber, exceptMemberId);
  if (!holder) return;
  const message = await takenMessageFor(db, user, holder);
  throw badRequest(message, [{ field: 'idNumber', message }]);
}

/** Only members on the roll can be edited, moved or leave; a row that left is history. */
export function assertActive(m: MemberRow) {
  if (m.status !== 'active') throw badRequest(`${m.name}已不在党员名册中（${m.leftDate ?? ''}），记录仅供查阅`);
}

/**
 * A member of the branch's current 支委会 cannot simply leave it: the committee
 * would keep a seat held by someone gone, and 支部班子 scores would be wrong.
 */
export async function assertNotOnCommittee(db: Queryable, m: MemberRow): Promise<void> {
  const [seat] = await db.select({ role: committeeMembers.role, orgName: orgs.name })
    .from(committeeMembers)
    .innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
    .innerJoin(orgs, eq(orgs.id, committees.orgId))
    .where(and(eq(committeeMembers.memberId, m.id), isNull(committees.endedDate)))
    .orderBy(committeeMembers.id).limit(1);
  if (seat) {
    throw badRequest(`${m.name}是${seat.orgName}现任支委会成员（${COMMITTEE_ROLE_LABELS[seat.role]}），请先调整支委会再办理`);
  }
}
