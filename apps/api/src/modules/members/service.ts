import { and, count, eq, inArray, like, type SQL } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@wj/domain';
import type { MemberDetail, MemberListQuery, MemberPage } from '@wj/domain/schemas';
import type { Queryable } from '../../db/index.js';
import { members, memberStudy, orgs } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { loadOrgIndex, subtreeIds } from '../orgs/org-index.js';

const listColumns = {
  id: members.id, orgId: members.orgId, orgName: orgs.name, name: members.name, gender: members.gender,
  birthDate: members.birthDate, education: members.education, joinDate: members.joinDate, category: members.category,
  employment: members.employment, jobCategory: members.jobCategory, titleLevel: members.titleLevel,
  department: members.department, isTalent: members.isTalent, isDeptHead: members.isDeptHead, status: members.status,
  partyStanding: members.partyStanding, lostContact: members.lostContact, floating: members.floating,
};

/**
 * Which members belong under `orgId` (query joined with orgs): the whole table
 * for the root, the unit column for a unit, the sub-tree ids below that.
 */
export async function memberScopeCondition(db: Queryable, orgId: number): Promise<SQL | undefined> {
  const index = await loadOrgIndex(db);
  const org = index.byId.get(orgId);
  if (!org) throw notFound(`组织（id=${orgId}）不存在`);
  if (org.parentId === null) return undefined;
  if (org.unitId === org.id) return eq(orgs.unitId, org.id);
  return inArray(members.orgId, subtreeIds(index, orgId));
}

export async function listMembers(db: Queryable, orgId: number, q: MemberListQuery): Promise<MemberPage> {
  const conditions = [await memberScopeCondition(db, orgId), eq(members.status, q.status)];
  if (q.q) conditions.push(like(members.name, `%${q.q}%`));
  if (q.employment) conditions.push(eq(members.employment, q.employment));
  if (q.titleLevel) conditions.push(eq(members.titleLevel, q.titleLevel));
  if (q.category) conditions.push(eq(members.category, q.category));
  const where = and(...conditions);

  const [counted] = await db.select({ n: count() }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId)).where(where);
  const total = counted?.n ?? 0;
  const items = await db.select(listColumns).from(members).innerJoin(orgs, eq(orgs.id, members.orgId)).where(where)
    .orderBy(members.orgId, members.id).limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function memberOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: members.orgId }).from(members).where(eq(members.id, id));
  return row?.orgId;
}

export async function memberDetail(db: Queryable, id: number, opts: { year: number; unmasked: boolean }): Promise<MemberDetail> {
  const [m] = await db.select({
    ...listColumns, ethnicity: members.ethnicity, idNumber: members.idNumber, phone: members.phone,
    fullDate: members.fullDate, position: members.position, leftDate: members.leftDate, leftReason: members.leftReason,
    version: members.version,
  }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId)).where(eq(members.id, id));
  if (!m) throw notFound(`党员（id=${id}）不存在`);
  const [study] = await db.select({ hours: memberStudy.hours }).from(memberStudy)
    .where(and(eq(memberStudy.memberId, id), eq(memberStudy.year, opts.year))).limit(1);
  return {
    ...m,
    idNumber: opts.unmasked ? m.idNumber : maskIdNumber(m.idNumber),
    phone: m.phone && !opts.unmasked ? maskPhone(m.phone) : m.phone,
    studyHours: study?.hours ?? null,
  };
}
