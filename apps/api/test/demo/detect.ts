import type { DemoData, MemberRow, OrgRow, ProblemKey } from '../../src/demo/index.js';

/**
 * Finds the survey's problems in raw demo rows, independently of how the
 * generator planted them, for the as-of year. Each finder returns the org ids
 * it applies to and those that have the problem.
 */
export interface Finding { applicable: number[]; found: number[] }

const SENIOR = new Set(['senior', 'deputy_senior']);
const CORE_ROLES = ['organization', 'propaganda', 'discipline'];

export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** Same day n years on; 29 February lands on 28 February in a common year. */
export function plusYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return iso.slice(5) === '02-29' && !leap ? `${y}-02-28` : `${y}${iso.slice(4)}`;
}

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;
}

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
  return m;
}

const inTraining = (r: { status?: string | null; stage: string }) => r.status === 'active' && r.stage !== 'full';

export function demoIndex(data: DemoData) {
  const asOf = data.asOf;
  const year = Number(asOf.slice(0, 4));
  const root = data.orgs.find((o) => o.parentId === null)!;
  const units = data.orgs.filter((o) => o.parentId === root.id);
  const branches = data.orgs.filter((o) => o.kind === 'branch' && o.status === 'active');
  const active = data.members.filter((m) => m.status === 'active');
  const membersByOrg = group(active, (m) => m.orgId);
  const memberById = new Map(data.members.map((m) => [m.id, m]));
  const seatsByCommittee = group(data.committeeMembers, (s) => s.committeeId);
  const committeeByOrg = new Map(data.committees.filter((c) => c.endedDate == null).map((c) => [c.orgId, c]));
  const seatsOf = (orgId: number) => {
    const c = committeeByOrg.get(orgId);
    return c ? (seatsByCommittee.get(c.id) ?? []).map((s) => ({ ...s, member: memberById.get(s.memberId)! })) : [];
  };
  const meetingsOf = group(data.meetings.filter((m) => m.date.startsWith(`${year}-`)), (m) => m.orgId);
  const recruitsOf = group(data.recruits, (r) => r.orgId);
  const projectsOf = group(data.secretaryProjects.filter((p) => p.year === year), (p) => p.orgId);
  const milestonesOf = group(data.projectMilestones, (m) => m.projectId);
  const studyOf = new Map(data.memberStudy.filter((s) => s.year === year).map((s) => [s.memberId, s.hours]));
  const fullCount = (orgId: number) => (membersByOrg.get(orgId) ?? []).filter((m) => m.category === 'full').length;
  const unitOf = new Map(data.orgs.map((o) => [o.id, o.unitId]));
  const branded = new Set(data.brands.filter((b) => b.active).map((b) => b.orgId));
  const planByUnit = new Map(data.unitPlans.filter((p) => p.year === year).map((p) => [p.unitId, p]));
  const talentUnits = new Set(data.recruits.filter((r) => r.isTalent && inTraining(r)).map((r) => unitOf.get(r.orgId)));
  return {
    asOf, year, root, units, branches, active, membersByOrg, memberById, committeeByOrg, seatsOf, meetingsOf, recruitsOf,
    projectsOf, milestonesOf, studyOf, fullCount, unitOf, branded, planByUnit, talentUnits, partyWorkers: data.partyWorkers,
  };
}
export type DemoIndex = ReturnType<typeof demoIndex>;

const ids = (orgs: OrgRow[]) => orgs.map((o) => o.id);
const working = (x: DemoIndex) => x.branches.filter((b) => b.branchCategory !== 'retired');
const secretaryOf = (x: DemoIndex, orgId: number) => x.seatsOf(orgId).find((s) => s.role === 'secretary');

function finding(applicable: OrgRow[], has: (o: OrgRow) => boolean): Finding {
  return { applicable: ids(applicable), found: ids(applicable.filter(has)) };
}

/** Completed quarters / months of the as-of year (a period is due once it has ended). */
function completed(x: DemoIndex) {
  const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => lastDay(x.year, m) < x.asOf);
  const quarters = [1, 2, 3, 4].filter((q) => months.includes(q * 3));
  return { months, quarters };
}

function lacks(x: DemoIndex, orgId: number, type: string, months: number[]): boolean {
  const held = new Set((x.meetingsOf.get(orgId) ?? []).filter((m) => m.type === type).map((m) => Number(m.date.slice(5, 7))));
  return !months.some((m) => held.has(m));
}

export const FINDERS: Record<ProblemKey | 'noBrand', (x: DemoIndex) => Finding> = {
  committeeVacancy: (x) => finding(x.branches.filter((b) => x.fullCount(b.id) >= 7), (b) => {
    const roles = new Set(x.seatsOf(b.id).map((s) => s.role));
    return x.seatsOf(b.id).length < 3 || CORE_ROLES.some((r) => !roles.has(r as never));
  }),
  notDualLeader: (x) => finding(working(x).filter((b) => secretaryOf(x, b.id)), (b) => {
    const m = secretaryOf(x, b.id)!.member;
    return !m.isDeptHead && !SENIOR.has(m.titleLevel!);
  }),
  oldCommittee: (x) => finding(working(x).filter((b) => x.fullCount(b.id) >= 7 && x.seatsOf(b.id).length > 0), (b) => {
    const seats = x.seatsOf(b.id);
    return seats.reduce((s, seat) => s + ageOn(seat.member.birthDate, x.asOf), 0) / seats.length > 50;
  }),
  partTimeOverload: (x) => finding(x.branches.filter((b) => secretaryOf(x, b.id)), (b) => {
    const s = secretaryOf(x, b.id)!;
    return !s.fullTime && (s.otherPosts ?? 0) >= 2;
  }),
  termExpired: (x) => finding(x.branches.filter((b) => x.committeeByOrg.has(b.id)), (b) => {
    const c = x.committeeByOrg.get(b.id)!;
    return plusYears(c.electedDate, c.termYears ?? 3) < x.asOf;
  }),
  irregularMeetings: (x) => finding(x.branches, (b) => {
    const { months, quarters } = completed(x);
    const quarterMonths = (q: number) => [q * 3 - 2, q * 3 - 1, q * 3];
    const hasCommittee = x.fullCount(b.id) >= 7 && x.seatsOf(b.id).length >= 3;
    return quarters.some((q) => lacks(x, b.id, 'general_meeting', quarterMonths(q)) || lacks(x, b.id, 'party_lecture', quarterMonths(q)))
      || (hasCommittee && months.some((m) => lacks(x, b.id, 'committee_meeting', [m])));
  }),
  missingThemeDay: (x) => finding(x.branches, (b) => completed(x).months.some((m) => lacks(x, b.id, 'theme_day', [m]))),
  lowAttendance: (x) => finding(x.branches.filter((b) => (x.meetingsOf.get(b.id) ?? []).length > 0), (b) => {
    const ratios = x.meetingsOf.get(b.id)!.filter((m) => m.expected > 0).map((m) => Math.min(1, m.present / m.expected));
    return ratios.reduce((s, r) => s + r, 0) / ratios.length < 0.8;
  }),
  laggingProject: (x) => finding(x.branches.filter((b) => x.projectsOf.has(b.id)), (b) =>
    x.projectsOf.get(b.id)!.some((p) => p.status !== 'completed'
      && (x.milestonesOf.get(p.id) ?? []).some((m) => m.dueDate < x.asOf && m.doneDate == null))),
  oversized: (x) => finding(x.branches, (b) => (x.membersByOrg.get(b.id) ?? []).length > 50),
  lowStudyHours: (x) => finding(x.branches.filter((b) => x.membersByOrg.has(b.id)), (b) => {
    // Pro-rated by the months ended by the as-of date: 32 hours a year, 56 for the branch's leaders.
    const share = completed(x).months.length / 12;
    const leaders = new Set(x.seatsOf(b.id).map((s) => s.memberId));
    const list = x.membersByOrg.get(b.id)!;
    const behind = list.filter((m) => (x.studyOf.get(m.id) ?? 0) < (leaders.has(m.id) ? 56 : 32) * share);
    return behind.length / list.length > 0.2;
  }),
  incompleteRoster: (x) => finding(x.branches, (b) => (x.membersByOrg.get(b.id) ?? []).some((m: MemberRow) =>
    !m.phone || !m.idNumber || !m.education || (m.employment === 'in_service' && !m.jobCategory))),
  noTalentRecruit: (x) => finding(working(x), (b) => !(x.recruitsOf.get(b.id) ?? []).some((r) => r.isTalent && inTraining(r))),
  noRecruitPipeline: (x) => finding(working(x), (b) => !(x.recruitsOf.get(b.id) ?? []).some(inTraining)),
  noProject: (x) => finding(x.branches, (b) => !(x.projectsOf.get(b.id) ?? []).some((p) => p.status !== 'abandoned')),
  noBrand: (x) => finding(x.branches, (b) => !x.branded.has(b.id)),
  noPlan: (x) => finding(x.units, (u) => !x.planByUnit.has(u.id)),
  // 年度党建工作计划 are due by the end of Q1.
  latePlan: (x) => finding(x.units.filter((u) => x.planByUnit.has(u.id)), (u) => x.planByUnit.get(u.id)!.submittedDate > `${x.year}-03-31`),
  noFullTimeWorker: (x) => finding(x.units, (u) => !x.partyWorkers.some((w) => w.unitId === u.id && w.fullTime
    && w.startDate <= x.asOf && (w.endDate == null || w.endDate >= x.asOf))),
  noTalentUnit: (x) => finding(x.units, (u) => !x.talentUnits.has(u.id)),
};

export function findProblems(data: DemoData): { index: DemoIndex; findings: Record<ProblemKey | 'noBrand', Finding> } {
  const x = demoIndex(data);
  const findings = Object.fromEntries(Object.entries(FINDERS).map(([k, f]) => [k, f(x)])) as Record<ProblemKey | 'noBrand', Finding>;
  return { index: x, findings };
}
