import { and, eq, gt, gte, inArray, isNull, lte, ne, notInArray, or } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { BranchFacts, CommitteeFact, UnitFacts } from '@wj/domain/quality';
import type { Queryable } from '../../db/index.js';
import {
  auditLog, brands, committeeMembers, committees, meetings, members, memberStudy, orgs, partyWorkers, projectMilestones,
  recruits, responsibilityItems, secretaryProjects, secretaryReviews, unitPlans, vanguardPosts,
} from '../../db/schema/index.js';

export interface CommissionFacts {
  branches: BranchFacts[];
  units: UnitFacts[];
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r); else m.set(k, [r]);
  }
  return m;
}

/**
 * Everything the quality model needs for one year, in a fixed number of
 * queries whatever the size of the organisation (one per table, grouped in
 * memory, the independent ones issued together), so that scoring 14,400
 * branches costs the same queries as 144. `unitIds` narrows the load to some
 * units (a unit secretary's scope).
 */
export async function loadFacts(db: Queryable, year: number, unitIds?: number[], standing?: string): Promise<CommissionFacts> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  // `standing`: the organisation as it stood on that day (closing a year) — orgs not yet founded or dissolved later,
  // members who had joined and not yet left, the committee in office then; without it, as it stands today.
  const orgLive = standing
    ? and(or(eq(orgs.status, 'active'), gt(orgs.dissolvedDate, standing)), or(isNull(orgs.foundedDate), lte(orgs.foundedDate, standing)))
    : eq(orgs.status, 'active');
  // A member put on the roll after that day (the audit log's create row; the demo's own rows have none) was not there yet.
  const addedLater = standing
    ? (await db.select({ id: auditLog.entityId }).from(auditLog)
      .where(and(eq(auditLog.entityType, 'member'), eq(auditLog.action, 'create'), gt(auditLog.at, `${standing}T23:59:59.999Z`))))
      .map((r) => Number(r.id)).filter(Number.isInteger)
    : [];
  const memberLive = standing
    ? and(lte(members.joinDate, standing), or(eq(members.status, 'active'), gt(members.leftDate, standing)),
      addedLater.length ? notInArray(members.id, addedLater) : undefined)
    : eq(members.status, 'active');
  const committeeLive = standing
    ? and(lte(committees.electedDate, standing), or(isNull(committees.endedDate), gt(committees.endedDate, standing)))
    : isNull(committees.endedDate);

  // Every list in id order, as SQLite gives rows without an ORDER BY (PostgreSQL gives no order at all).
  // With a unit list, every query below is narrowed in SQL to those units' orgs (a refresh after a write reads one unit, not all).
  const inScopeOrgs = unitIds ? db.select({ id: orgs.id }).from(orgs).where(inArray(orgs.unitId, unitIds)) : undefined;
  const byOrg = (col: PgColumn) => (inScopeOrgs ? inArray(col, inScopeOrgs) : undefined);
  const scopedMembers = inScopeOrgs ? db.select({ id: members.id }).from(members).where(inArray(members.orgId, inScopeOrgs)) : undefined;
  const byUnit = (col: PgColumn) => (unitIds ? inArray(col, unitIds) : undefined);

  const [
    orgRows, memberRows, studyRows, committeeRows, meetingRows, brandRows, projectRows, postRows, recruitRows,
    planRows, workerRows, reviewRows, itemRows, cmRows, milestoneRows,
  ] = await Promise.all([
    db.select().from(orgs).where(and(orgLive, byUnit(orgs.unitId))).orderBy(orgs.id),
    db.select({
      id: members.id, orgId: members.orgId, birthDate: members.birthDate, joinDate: members.joinDate, fullDate: members.fullDate,
      category: members.category, employment: members.employment, titleLevel: members.titleLevel, isTalent: members.isTalent,
      isDeptHead: members.isDeptHead, phone: members.phone, jobCategory: members.jobCategory, education: members.education,
      partyStanding: members.partyStanding, lostContact: members.lostContact, floating: members.floating,
    }).from(members).where(and(memberLive, byOrg(members.orgId))).orderBy(members.id),
    db.select({ memberId: memberStudy.memberId, hours: memberStudy.hours }).from(memberStudy)
      .where(and(eq(memberStudy.year, year), scopedMembers ? inArray(memberStudy.memberId, scopedMembers) : undefined)).orderBy(memberStudy.id),
    db.select().from(committees).where(and(committeeLive, byOrg(committees.orgId))).orderBy(committees.id),
    db.select({ orgId: meetings.orgId, type: meetings.type, date: meetings.date, expected: meetings.expected, present: meetings.present })
      .from(meetings).where(and(gte(meetings.date, from), lte(meetings.date, to), ne(meetings.reviewStatus, 'returned'), byOrg(meetings.orgId))).orderBy(meetings.id),
    db.select().from(brands).where(byOrg(brands.orgId)).orderBy(brands.id),
    db.select().from(secretaryProjects).where(and(eq(secretaryProjects.year, year), byOrg(secretaryProjects.orgId))).orderBy(secretaryProjects.id),
    db.select().from(vanguardPosts).where(and(eq(vanguardPosts.year, year), byOrg(vanguardPosts.orgId))).orderBy(vanguardPosts.id),
    db.select().from(recruits).where(byOrg(recruits.orgId)).orderBy(recruits.id),
    db.select().from(unitPlans).where(and(eq(unitPlans.year, year), byUnit(unitPlans.unitId))).orderBy(unitPlans.id),
    db.select().from(partyWorkers).where(byUnit(partyWorkers.unitId)).orderBy(partyWorkers.id),
    db.select().from(secretaryReviews).where(and(eq(secretaryReviews.year, year), byUnit(secretaryReviews.orgId))).orderBy(secretaryReviews.id),
    db.select().from(responsibilityItems).where(and(eq(responsibilityItems.year, year), byUnit(responsibilityItems.unitId))).orderBy(responsibilityItems.id),
    // Seats and milestones through a subquery, not a list of ids: no parameter limit, whatever the size of the tree.
    db.select().from(committeeMembers).where(inArray(committeeMembers.committeeId,
      db.select({ id: committees.id }).from(committees).where(and(committeeLive, byOrg(committees.orgId))))).orderBy(committeeMembers.id),
    db.select().from(projectMilestones).where(inArray(projectMilestones.projectId,
      db.select({ id: secretaryProjects.id }).from(secretaryProjects).where(and(eq(secretaryProjects.year, year), byOrg(secretaryProjects.orgId))))).orderBy(projectMilestones.id),
  ]);

  const branchRows = orgRows.filter((o) => o.kind === 'branch');
  const unitRows = orgRows.filter((o) => o.unitId === o.id);
  const withGroups = new Set(orgRows.filter((o) => o.kind === 'party_group').map((o) => o.parentId));
  const orgUnit = new Map(orgRows.map((o) => [o.id, o.unitId]));
  const study = new Map(studyRows.map((s) => [s.memberId, s.hours]));
  const memberById = new Map(memberRows.map((m) => [m.id, m]));

  const cmByCommittee = groupBy(cmRows, (r) => r.committeeId);
  const committeeByOrg = new Map<number, CommitteeFact>();
  for (const c of committeeRows) {
    const prev = committeeByOrg.get(c.orgId);
    if (prev && prev.electedDate >= c.electedDate) continue;
    committeeByOrg.set(c.orgId, {
      electedDate: c.electedDate, termYears: c.termYears,
      members: (cmByCommittee.get(c.id) ?? []).flatMap((cm) => {
        const m = memberById.get(cm.memberId);
        return m ? [{
          memberId: m.id, role: cm.role, alsoRoles: cm.alsoRoles, fullTime: cm.fullTime, otherPosts: cm.otherPosts, birthDate: m.birthDate,
          joinDate: m.joinDate, titleLevel: m.titleLevel, isDeptHead: m.isDeptHead, studyHours: study.get(m.id) ?? null,
        }] : [];
      }),
    });
  }

  const meetingsByOrg = groupBy(meetingRows, (r) => r.orgId);
  const brandsByOrg = groupBy(brandRows, (r) => r.orgId);
  const milestonesByProject = groupBy(milestoneRows, (r) => r.projectId);
  const projectsByOrg = groupBy(projectRows, (r) => r.orgId);
  const postsByOrg = groupBy(postRows, (r) => r.orgId);
  const recruitsByOrg = groupBy(recruitRows, (r) => r.orgId);
  const membersByOrg = groupBy(memberRows, (r) => r.orgId);

  const branches: BranchFacts[] = branchRows.map((b) => ({
    orgId: b.id, name: b.name, unitId: b.unitId ?? b.id, foundedDate: b.foundedDate,
    category: b.branchCategory ?? 'in_service', hasGroups: withGroups.has(b.id),
    members: (membersByOrg.get(b.id) ?? []).map((m) => ({
      id: m.id, birthDate: m.birthDate, joinDate: m.joinDate, fullDate: m.fullDate, category: m.category,
      employment: m.employment, titleLevel: m.titleLevel, isTalent: m.isTalent, isDeptHead: m.isDeptHead,
      studyHours: study.get(m.id) ?? null,
      // 党员信息采集: phone and (for in-service staff) the job category are the fields most often missing.
      rosterComplete: Boolean(m.phone && m.education && (m.employment === 'retired' || m.jobCategory)),
      partyStanding: m.partyStanding, lostContact: m.lostContact, floating: m.floating,
    })),
    committee: committeeByOrg.get(b.id) ?? null,
    meetings: (meetingsByOrg.get(b.id) ?? []).map(({ orgId: _o, ...m }) => m),
    brands: (brandsByOrg.get(b.id) ?? []).map((r) => ({ name: r.name, active: r.active, createdYear: r.createdYear })),
    projects: (projectsByOrg.get(b.id) ?? []).map((p) => ({
      year: p.year, title: p.title, status: p.status, progress: p.progress,
      milestones: (milestonesByProject.get(p.id) ?? []).map((m) => ({ title: m.title, dueDate: m.dueDate, doneDate: m.doneDate })),
    })),
    vanguardPosts: (postsByOrg.get(b.id) ?? []).map((p) => ({ year: p.year, memberCount: p.memberCount })),
    recruits: (recruitsByOrg.get(b.id) ?? []).map((r) => ({
      stage: r.stage, status: r.status, isTalent: r.isTalent, applicationDate: r.applicationDate, activistDate: r.activistDate,
      candidateDate: r.candidateDate, probationaryDate: r.probationaryDate, fullDate: r.fullDate,
    })),
  }));

  const plans = new Map(planRows.map((p) => [p.unitId, p]));
  const workersByUnit = groupBy(workerRows, (r) => r.unitId);
  const reviews = new Map(reviewRows.map((r) => [r.orgId, r]));
  const itemsByUnit = groupBy(itemRows, (r) => r.unitId);
  const memberCountByUnit = new Map<number, number>();
  for (const m of memberRows) {
    const u = orgUnit.get(m.orgId);
    if (u != null) memberCountByUnit.set(u, (memberCountByUnit.get(u) ?? 0) + 1);
  }

  const units: UnitFacts[] = unitRows.map((u) => {
    const items = itemsByUnit.get(u.id) ?? [];
    return {
      orgId: u.id, name: u.name, memberCount: memberCountByUnit.get(u.id) ?? 0,
      plan: plans.has(u.id) ? { submittedDate: plans.get(u.id)!.submittedDate } : null,
      partyWorkers: (workersByUnit.get(u.id) ?? []).map((w) => ({ fullTime: w.fullTime, startDate: w.startDate, endDate: w.endDate })),
      reviewGrade: reviews.get(u.id)?.grade ?? null,
      responsibilityItems: { total: items.length, done: items.filter((i) => i.done).length },
    };
  });
  return { branches, units };
}
