import type {
  BranchCategory, CommitteeRole, Employment, MeetingType, MemberCategory, ProjectStatus, RecruitStage,
  RecruitStatus, ReviewGrade, TitleLevel,
} from '../enums.js';

/**
 * What the quality model knows about a branch: plain data, loaded by the API
 * from the database (or built by hand in tests). Dates are ISO 'YYYY-MM-DD'.
 * Records cover the judged year; the model itself filters by date, so extra
 * rows outside the year do no harm.
 */
export interface BranchFacts {
  orgId: number;
  name: string;
  unitId: number;
  /** null: existed before any judged year. */
  foundedDate: string | null;
  category: BranchCategory;
  /** The branch has 党小组 under it, so 党小组会 are due. */
  hasGroups: boolean;
  /** Members on the roll (status active) at the as-of date. */
  members: MemberFact[];
  /** Current 支委会 (or the lone secretary of a small branch); null: nobody elected. */
  committee: CommitteeFact | null;
  meetings: MeetingFact[];
  brands: { name: string; active: boolean; createdYear: number }[];
  projects: ProjectFact[];
  vanguardPosts: { year: number; memberCount: number }[];
  recruits: RecruitFact[];
}

export interface MemberFact {
  id: number;
  birthDate: string;
  joinDate: string;
  fullDate: string | null;
  category: MemberCategory;
  employment: Employment;
  titleLevel: TitleLevel;
  isTalent: boolean;
  isDeptHead: boolean;
  /** Study hours in the judged year; null when none recorded. */
  studyHours: number | null;
  /** Roster record complete (id number, phone, education, job category filled). */
  rosterComplete: boolean;
  /** What the national system records (issue 12): counted in the report's 基本情况; no indicator judges them yet. */
  partyStanding?: 'normal' | 'suspended' | 'probation';
  lostContact?: boolean;
  floating?: boolean;
}

export interface CommitteeFact {
  electedDate: string;
  termYears: number;
  members: {
    memberId: number;
    /** The seat's own role. */
    role: CommitteeRole;
    /** Roles held besides it (兼任: 书记兼纪检委员). */
    alsoRoles?: CommitteeRole[];
    fullTime: boolean;
    otherPosts: number;
    birthDate: string;
    joinDate: string;
    titleLevel: TitleLevel;
    isDeptHead: boolean;
    studyHours: number | null;
  }[];
}

export interface MeetingFact {
  type: MeetingType;
  date: string;
  expected: number;
  present: number;
}

export interface ProjectFact {
  year: number;
  title: string;
  status: ProjectStatus;
  progress: number;
  milestones: { title: string; dueDate: string; doneDate: string | null }[];
}

export interface RecruitFact {
  stage: RecruitStage;
  status: RecruitStatus;
  isTalent: boolean;
  applicationDate: string;
  activistDate: string | null;
  candidateDate: string | null;
  probationaryDate: string | null;
  fullDate: string | null;
}

/** What the unit-level 责任落实 indicators look at. */
export interface UnitFacts {
  orgId: number;
  name: string;
  /** Members on the roll in the unit's sub-tree. */
  memberCount: number;
  /** The judged year's 年度党建工作计划, if submitted. */
  plan: { submittedDate: string } | null;
  partyWorkers: { fullTime: boolean; startDate: string; endDate: string | null }[];
  /** The judged year's 述职评议 grade of the unit secretary. */
  reviewGrade: ReviewGrade | null;
  responsibilityItems: { total: number; done: number };
}
