import { and, eq, gt, gte, inArray, isNull, lte, ne, notInArray, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  MEMBER_FLAG, type BranchFacts, type CommitteeFact, type MeetingFact, type MemberColumns, type MemberFact, type ProjectFact, type RecruitFact, type UnitFacts,
} from '@wj/domain/quality';
import { MEETING_TYPES } from '@wj/domain';
import type { Queryable } from '../../db/index.js';
import {
  auditLog, brands, committeeMembers, committees, meetings, members, memberStudy, orgs, partyWorkers, projectMilestones,
  recruits, responsibilityItems, secretaryProjects, secretaryReviews, unitPlans, vanguardPosts,
} from '../../db/schema/index.js';
import { arrays, attachMeetings, attachMembers, bool, codeOf, interner, json, memberProfile, type Row } from './facts-sql.js';
import { groupByOrg, MeetingColumnsBuilder, RollColumns } from './facts-columns.js';
import { asText, fields, nullableNumField, numField, packed, plainField, plainTextField, prefixedField, unsafe } from './facts-packed.js';

export interface CommissionFacts {
  branches: BranchFacts[];
  units: UnitFacts[];
}

type ReviewGrade = NonNullable<UnitFacts['reviewGrade']>;

/**
 * Everything the quality model needs for one year, in a fixed number of
 * queries whatever the size of the organisation (one per table, grouped in
 * memory, the independent ones issued together), so that scoring 14,400
 * branches costs the same queries as 144. Only the columns the model reads
 * are selected, read as arrays through the driver, and each fact object is
 * built once from them. `unitIds` narrows the load to some
 * units (a unit secretary's scope).
 */
/** The promise, with a handler attached now: its rejection is not unhandled while other promises are awaited first. */
function settled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

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
  const byUnit = (col: PgColumn) => (unitIds ? inArray(col, unitIds) : undefined);

  const flags = sql<number>`((case when ${members.isTalent} then 1 else 0 end) + (case when ${members.isDeptHead} then 2 else 0 end)
    + (case when ${members.lostContact} then 4 else 0 end) + (case when ${members.floating} then 8 else 0 end)
    + (case when coalesce(${members.phone}, '') <> '' and coalesce(${members.education}, '') <> ''
         and (${members.employment} = 'retired' or coalesce(${members.jobCategory}, '') <> '') then 16 else 0 end))`;

  const meetingsOfYear = and(gte(meetings.date, from), lte(meetings.date, to), ne(meetings.reviewStatus, 'returned'), byOrg(meetings.orgId));
  const memberCells = {
    orgId: members.orgId, id: members.id, flags, category: members.category, employment: members.employment, titleLevel: members.titleLevel,
    partyStanding: members.partyStanding, hours: memberStudy.hours, birthDate: members.birthDate, joinDate: members.joinDate, fullDate: members.fullDate,
  };

  // All issued together; each is taken up as it comes back — on PostgreSQL the year's meetings are decoded while
  // the roll's query still runs (the last one back at province size). Each promise has a handler from the start, so
  // that one failing while another is awaited is not an unhandled rejection; it is thrown where it is awaited.
  const orgQuery = settled(arrays(db, db.select({
    id: orgs.id, parentId: orgs.parentId, unitId: orgs.unitId, kind: orgs.kind, name: orgs.name,
    foundedDate: orgs.foundedDate, branchCategory: orgs.branchCategory,
  }).from(orgs).where(and(orgLive, byUnit(orgs.unitId))).orderBy(orgs.id)));
  // The year's 组织生活, one row per org, each record's type as its index in MEETING_TYPES (any other value as a text).
  const meetingQuery = settled(arrays(db, db.select({
    orgId: meetings.orgId,
    list: packed(fields(numField(meetings.id), sql`coalesce(${asText(codeOf(meetings.type, MEETING_TYPES))}, ${prefixedField(meetings.type)})`,
      plainTextField(meetings.date), numField(meetings.expected), numField(meetings.present))),
    unsafe: unsafe(meetings.date),
  }).from(meetings).where(meetingsOfYear).groupBy(meetings.orgId)));
  const restQuery = settled(Promise.all([
    // The roll, one row per org: each member on it with the year's study hours beside it and the five yes/no facts and
    // four enumerations packed into one number (memberProfile; flags: bit 0 人才, 1 内设机构负责人, 2 失联, 3 流动, 4 花名册完整)
    // — computed in SQL, not carried over as cells (facts-packed.ts).
    arrays(db, db.select({
      orgId: members.orgId,
      list: packed(fields(numField(members.id), memberProfile(flags), nullableNumField(memberStudy.hours),
        plainTextField(members.birthDate), plainTextField(members.joinDate), plainField(members.fullDate))),
      unsafe: unsafe(members.birthDate, members.joinDate, members.fullDate),
    }).from(members).leftJoin(memberStudy, and(eq(memberStudy.memberId, members.id), eq(memberStudy.year, year)))
      .where(and(memberLive, byOrg(members.orgId))).groupBy(members.orgId)),
    arrays(db, db.select({ id: committees.id, orgId: committees.orgId, electedDate: committees.electedDate, termYears: committees.termYears })
      .from(committees).where(and(committeeLive, byOrg(committees.orgId))).orderBy(committees.id)),
    arrays(db, db.select({ orgId: brands.orgId, name: brands.name, active: brands.active, createdYear: brands.createdYear })
      .from(brands).where(byOrg(brands.orgId)).orderBy(brands.id)),
    arrays(db, db.select({
      id: secretaryProjects.id, orgId: secretaryProjects.orgId, year: secretaryProjects.year, title: secretaryProjects.title,
      status: secretaryProjects.status, progress: secretaryProjects.progress,
    }).from(secretaryProjects).where(and(eq(secretaryProjects.year, year), byOrg(secretaryProjects.orgId))).orderBy(secretaryProjects.id)),
    arrays(db, db.select({ orgId: vanguardPosts.orgId, year: vanguardPosts.year, memberCount: vanguardPosts.memberCount })
      .from(vanguardPosts).where(and(eq(vanguardPosts.year, year), byOrg(vanguardPosts.orgId))).orderBy(vanguardPosts.id)),
    arrays(db, db.select({
      orgId: recruits.orgId, stage: recruits.stage, status: recruits.status, isTalent: recruits.isTalent, applicationDate: recruits.applicationDate,
      activistDate: recruits.activistDate, candidateDate: recruits.candidateDate, probationaryDate: recruits.probationaryDate, fullDate: recruits.fullDate,
    }).from(recruits).where(byOrg(recruits.orgId)).orderBy(recruits.id)),
    arrays(db, db.select({ unitId: unitPlans.unitId, submittedDate: unitPlans.submittedDate })
      .from(unitPlans).where(and(eq(unitPlans.year, year), byUnit(unitPlans.unitId))).orderBy(unitPlans.id)),
    arrays(db, db.select({ unitId: partyWorkers.unitId, fullTime: partyWorkers.fullTime, startDate: partyWorkers.startDate, endDate: partyWorkers.endDate })
      .from(partyWorkers).where(byUnit(partyWorkers.unitId)).orderBy(partyWorkers.id)),
    arrays(db, db.select({ orgId: secretaryReviews.orgId, grade: secretaryReviews.grade })
      .from(secretaryReviews).where(and(eq(secretaryReviews.year, year), byUnit(secretaryReviews.orgId))).orderBy(secretaryReviews.id)),
    arrays(db, db.select({ unitId: responsibilityItems.unitId, done: responsibilityItems.done })
      .from(responsibilityItems).where(and(eq(responsibilityItems.year, year), byUnit(responsibilityItems.unitId))).orderBy(responsibilityItems.id)),
    // Seats and milestones joined to their committee and project (by primary key), not a list of ids: no parameter limit,
    // whatever the size of the tree (a join costs SQLite half of an IN subquery).
    arrays(db, db.select({
      committeeId: committeeMembers.committeeId, memberId: committeeMembers.memberId, role: committeeMembers.role,
      alsoRoles: committeeMembers.alsoRoles, fullTime: committeeMembers.fullTime, otherPosts: committeeMembers.otherPosts,
    }).from(committeeMembers).innerJoin(committees, eq(committees.id, committeeMembers.committeeId))
      .where(and(committeeLive, byOrg(committees.orgId))).orderBy(committeeMembers.id)),
    arrays(db, db.select({ projectId: projectMilestones.projectId, title: projectMilestones.title, dueDate: projectMilestones.dueDate, doneDate: projectMilestones.doneDate })
      .from(projectMilestones).innerJoin(secretaryProjects, eq(secretaryProjects.id, projectMilestones.projectId))
      .where(and(eq(secretaryProjects.year, year), byOrg(secretaryProjects.orgId))).orderBy(projectMilestones.id)),
  ]));

  // Rows are arrays in the order of each select above; every fact object is built once, straight from them.
  const i = interner();
  const branches: BranchFacts[] = [];
  const branchById = new Map<number, BranchFacts>();
  const unitRows: Row[] = [];
  const withGroups = new Set<unknown>();
  const orgUnit = new Map<number, number | null>();
  for (const o of (await orgQuery)()) {
    const [id, parentId, unitId, kind, name, foundedDate, branchCategory] = o as [number, number | null, number | null, string, string, string | null, BranchFacts['category'] | null];
    orgUnit.set(id, unitId);
    if (kind === 'party_group') withGroups.add(parentId);
    if (unitId === id) unitRows.push(o);
    if (kind !== 'branch') continue;
    const b: BranchFacts = {
      orgId: id, name, unitId: unitId ?? id, foundedDate, category: branchCategory ?? 'in_service', hasGroups: false,
      members: [], committee: null, meetings: [], brands: [], projects: [], vanguardPosts: [], recruits: [],
    };
    branches.push(b);
    branchById.set(id, b);
  }
  for (const b of branches) b.hasGroups = withGroups.has(b.orgId);
  // Each branch's position in `branches`, by org id (-1 or a hole: not a branch read).
  const slotOf: number[] = [];
  branches.forEach((b, k) => { slotOf[b.orgId] = k; });

  // 组织生活, the biggest table: kept in columns (MeetingColumns), each branch's `meetings` built from them on first read.
  const held = new MeetingColumnsBuilder(i);
  const oddMeetings: number[] = [];
  for (const [orgId, list, odd] of (await meetingQuery)() as [number, string, unknown][]) {
    if (slotOf[orgId] === undefined) continue;
    if (Number(odd) > 0) oddMeetings.push(orgId); else held.addPacked(orgId, list);
  }
  if (oddMeetings.length) {
    const rows = await arrays(db, db.select({ orgId: meetings.orgId, id: meetings.id, type: meetings.type, date: meetings.date, expected: meetings.expected, present: meetings.present })
      .from(meetings).where(and(meetingsOfYear, inArray(meetings.orgId, oddMeetings))).orderBy(meetings.orgId, meetings.id));
    groupByOrg(rows()).forEach((list, orgId) => held.addRows(orgId, list));
  }
  const store = held.columns();
  for (const b of branches) {
    const [from, to] = held.range.of(b.orgId);
    attachMeetings(b, { ...store, from, to });
  }

  const [
    memberRows, committeeRows, brandRows, projectRows, postRows, recruitRows, planRows, workerRows, reviewRows, itemRows, cmRows, milestoneRows,
  ] = await restQuery;

  // The roll: kept in columns (MemberColumns), each branch's `members` built from them on first read. Every member on the
  // roll has a row (a seat may be held by a member of another org). An org whose values a packed list cannot carry is read as rows.
  const roll = new RollColumns(i);
  const oddRoll: number[] = [];
  for (const [orgId, list, odd] of memberRows() as [number, string, unknown][]) {
    if (Number(odd) > 0) oddRoll.push(orgId); else roll.addPacked(orgId, list);
  }
  if (oddRoll.length) {
    const rows = await arrays(db, db.select(memberCells).from(members)
      .leftJoin(memberStudy, and(eq(memberStudy.memberId, members.id), eq(memberStudy.year, year)))
      .where(and(memberLive, inArray(members.orgId, oddRoll))).orderBy(members.orgId, members.id));
    groupByOrg(rows()).forEach((list, orgId) => roll.addRows(orgId, list));
  }
  const memberCountByUnit = new Map<number, number>();
  roll.range.forEach((orgId, n) => {
    const u = orgUnit.get(orgId);
    if (u != null) memberCountByUnit.set(u, (memberCountByUnit.get(u) ?? 0) + n);
  });
  const memberStore = roll.columns();
  for (const b of branches) {
    const [from, to] = roll.range.of(b.orgId);
    attachMembers(b, { ...memberStore, from, to });
  }
  type Seat = CommitteeFact['members'][number];
  const seatRows = [...cmRows()] as [number, number, Seat['role'], unknown, unknown, number][];
  const rowOfSeat = new Map<number, number>(seatRows.map((r) => [r[1], -1]));
  roll.ids.forEach((id, r) => { if (rowOfSeat.has(id)) rowOfSeat.set(id, r); });
  const { ids, birthDates: births, joinDates: joins, titleLevels: titles } = memberStore;

  const seatsByCommittee = new Map<number, Seat[]>();
  for (const [committeeId, memberId, role, alsoRoles, fullTime, otherPosts] of seatRows) {
    const r = rowOfSeat.get(memberId) ?? -1;
    if (r < 0) continue;
    // The member's own facts, read from its row (as memberAt would give them).
    const hours = memberStore.hours[r]!;
    const seat: Seat = {
      memberId: ids[r]!, role, alsoRoles: json(alsoRoles) as Seat['alsoRoles'], fullTime: bool(fullTime), otherPosts, birthDate: births[r]!,
      joinDate: joins[r]!, titleLevel: titles[r]!, isDeptHead: (memberStore.flags[r]! & MEMBER_FLAG.deptHead) !== 0,
      studyHours: Number.isNaN(hours) ? null : hours,
    };
    const list = seatsByCommittee.get(committeeId);
    if (list) list.push(seat); else seatsByCommittee.set(committeeId, [seat]);
  }
  const committeeByOrg = new Map<number, CommitteeFact>();
  for (const [id, orgId, electedDate, termYears] of committeeRows() as [number, number, string, number][]) {
    const prev = committeeByOrg.get(orgId);
    if (prev && prev.electedDate >= electedDate) continue;
    committeeByOrg.set(orgId, { electedDate, termYears, members: seatsByCommittee.get(id) ?? [] });
  }
  for (const b of branches) b.committee = committeeByOrg.get(b.orgId) ?? null;

  for (const [orgId, name, active, createdYear] of brandRows() as [number, string, unknown, number][]) {
    branchById.get(orgId)?.brands.push({ name, active: bool(active), createdYear });
  }
  const milestonesByProject = new Map<number, ProjectFact['milestones']>();
  for (const [projectId, title, dueDate, doneDate] of milestoneRows() as [number, string, string, string | null][]) {
    const list = milestonesByProject.get(projectId);
    const ms = { title, dueDate, doneDate };
    if (list) list.push(ms); else milestonesByProject.set(projectId, [ms]);
  }
  for (const [id, orgId, y, title, status, progress] of projectRows() as [number, number, number, string, ProjectFact['status'], number][]) {
    branchById.get(orgId)?.projects.push({ year: y, title, status, progress, milestones: milestonesByProject.get(id) ?? [] });
  }
  for (const [orgId, y, memberCount] of postRows() as [number, number, number][]) {
    branchById.get(orgId)?.vanguardPosts.push({ year: y, memberCount });
  }
  for (const [orgId, stage, status, isTalent, applicationDate, activistDate, candidateDate, probationaryDate, fullDate] of recruitRows() as
    [number, RecruitFact['stage'], RecruitFact['status'], unknown, string, string | null, string | null, string | null, string | null][]) {
    branchById.get(orgId)?.recruits.push({ stage, status, isTalent: bool(isTalent), applicationDate, activistDate, candidateDate, probationaryDate, fullDate });
  }

  const plans = new Map<number, string>();
  for (const [unitId, submittedDate] of planRows() as [number, string][]) plans.set(unitId, submittedDate);
  const workersByUnit = new Map<number, UnitFacts['partyWorkers']>();
  for (const [unitId, fullTime, startDate, endDate] of workerRows() as [number, unknown, string, string | null][]) {
    const w = { fullTime: bool(fullTime), startDate, endDate };
    const list = workersByUnit.get(unitId);
    if (list) list.push(w); else workersByUnit.set(unitId, [w]);
  }
  const reviews = new Map<number, ReviewGrade>();
  for (const [orgId, grade] of reviewRows() as [number, ReviewGrade][]) reviews.set(orgId, grade);
  const items = new Map<number, { total: number; done: number }>();
  for (const [unitId, done] of itemRows() as [number, unknown][]) {
    const t = items.get(unitId) ?? { total: 0, done: 0 };
    t.total++;
    if (bool(done)) t.done++;
    items.set(unitId, t);
  }

  const units: UnitFacts[] = unitRows.map((r) => {
    const [id, , , , name] = r as [number, unknown, unknown, unknown, string];
    return {
      orgId: id, name, memberCount: memberCountByUnit.get(id) ?? 0,
      plan: plans.has(id) ? { submittedDate: plans.get(id)! } : null,
      partyWorkers: workersByUnit.get(id) ?? [],
      reviewGrade: reviews.get(id) ?? null,
      responsibilityItems: items.get(id) ?? { total: 0, done: 0 },
    };
  });
  return { branches, units };
}
