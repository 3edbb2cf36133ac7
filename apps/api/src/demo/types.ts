import type { BranchCategory } from '@wj/domain';
import type { schema } from '../db/index.js';
import type { Rng } from './rng.js';
import type { DeptKind, UnitSpec } from './units.js';

type WithId<T> = Omit<T, 'id'> & { id: number };
type Row<T extends { $inferInsert: unknown }> = WithId<T['$inferInsert']>;

export type OrgRow = Row<typeof schema.orgs>;
export type MemberRow = Row<typeof schema.members>;
export type MemberStudyRow = Row<typeof schema.memberStudy>;
export type CommitteeRow = Row<typeof schema.committees>;
export type CommitteeMemberRow = Row<typeof schema.committeeMembers>;
export type MeetingRow = Row<typeof schema.meetings>;
export type BrandRow = Row<typeof schema.brands>;
export type SecretaryProjectRow = Row<typeof schema.secretaryProjects>;
export type ProjectMilestoneRow = Row<typeof schema.projectMilestones>;
export type VanguardPostRow = Row<typeof schema.vanguardPosts>;
export type RecruitRow = Row<typeof schema.recruits>;
export type UnitPlanRow = Row<typeof schema.unitPlans>;
export type PartyWorkerRow = Row<typeof schema.partyWorkers>;
export type SecretaryReviewRow = Row<typeof schema.secretaryReviews>;
export type ResponsibilityItemRow = Row<typeof schema.responsibilityItems>;

/**
 * Problems planted on purpose (the survey's 班子不全, 兼职多, 年龄偏大, 三会一课不规范,
 * 无年度计划, 无专职党务干部, 高层次人才发展不足, 书记项目滞后 …), judged for the
 * as-of year. Branch problems hold branch org ids, unit problems unit org ids.
 */
export const BRANCH_PROBLEMS = [
  'committeeVacancy', // ≥7 full members, 组织/宣传/纪检委员 not all filled
  'notDualLeader', // secretary neither department head nor 副高+
  'oldCommittee', // committee average age > 50 (in-service branches; retired ones are old by nature)
  'partTimeOverload', // secretary holds ≥2 other posts
  'termExpired', // elected more than 3 years before as-of
  'irregularMeetings', // a quarter without 党员大会/党课 or a month without 支委会
  'missingThemeDay', // a month without 主题党日
  'lowAttendance', // attendance below 80%
  'laggingProject', // 书记项目 milestones past due and not done
  'oversized', // more than 50 members
  'lowStudyHours', // many members below the pro-rated 32 hours
  'incompleteRoster', // roster records missing a phone number
  'noTalentRecruit', // no 高层次人才 in the 发展党员 pipeline (双培养); every working branch of a seeded unit
  'noRecruitPipeline', // nobody being trained (申请人 → 预备党员)
  'noProject', // no 书记项目 this year
] as const;
export const UNIT_PROBLEMS = ['noPlan', 'latePlan', 'noFullTimeWorker', 'noTalentUnit'] as const;
export type BranchProblem = (typeof BRANCH_PROBLEMS)[number];
export type UnitProblem = (typeof UNIT_PROBLEMS)[number];
export type ProblemKey = BranchProblem | UnitProblem;
export type SeededProblems = Record<ProblemKey, number[]>;

export interface DemoData {
  seed: number;
  scale: number;
  asOf: string;
  orgs: OrgRow[];
  members: MemberRow[];
  memberStudy: MemberStudyRow[];
  committees: CommitteeRow[];
  committeeMembers: CommitteeMemberRow[];
  meetings: MeetingRow[];
  brands: BrandRow[];
  secretaryProjects: SecretaryProjectRow[];
  projectMilestones: ProjectMilestoneRow[];
  vanguardPosts: VanguardPostRow[];
  recruits: RecruitRow[];
  unitPlans: UnitPlanRow[];
  partyWorkers: PartyWorkerRow[];
  secretaryReviews: SecretaryReviewRow[];
  responsibilityItems: ResponsibilityItemRow[];
  /** Where each problem was planted (org ids, ascending). */
  seeded: SeededProblems;
}

/** The domain tables of DemoData, in foreign-key order (parents first). */
export const TABLE_KEYS = [
  'orgs', 'members', 'memberStudy', 'committees', 'committeeMembers', 'meetings', 'brands', 'secretaryProjects',
  'projectMilestones', 'vanguardPosts', 'recruits', 'unitPlans', 'partyWorkers', 'secretaryReviews', 'responsibilityItems',
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

/** Working state of one generated unit while its copy is being built. */
export interface UnitCtx {
  id: number;
  copy: number;
  spec: UnitSpec;
  institutionName: string;
  name: string;
  branches: BranchCtx[];
  problems: Set<UnitProblem>;
}

export interface BranchCtx {
  id: number;
  unit: UnitCtx;
  name: string;
  department: string;
  deptKind: DeptKind;
  category: BranchCategory;
  foundedDate: string;
  plannedInService: number;
  plannedRetired: number;
  /** Org ids of its 党小组. */
  groupIds: number[];
  problems: Set<BranchProblem>;
  /** Filled by the member generator: active members of the branch. */
  members: MemberRow[];
  /** Filled by the committee generator: the current committee's members and roles. */
  committee: { id: number; members: { member: MemberRow; role: string }[] } | null;
}

/** Shared state while generating: output tables, id counters, the as-of date. */
export interface GenCtx {
  data: DemoData;
  asOf: string;
  /** [previous year, as-of year] — the years most records are built for; the year before them comes last (earlier-year.ts). */
  years: [number, number];
  /** Id numbers handed out so far (unique across all copies). */
  takenIds: Set<string>;
  nextId: (table: TableKey) => number;
  rng: Rng;
  /** Stamp for updatedAt. */
  stamp: string;
}
