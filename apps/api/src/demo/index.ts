/**
 * The demo commission: a deterministic generator of the city survey's
 * organisation (12 units, 144 branches, 3151 members) with a realistic spread
 * of quality, and its loader. See DESIGN.md "Demo data".
 */
export { DEMO_AS_OF, DEMO_SEED, ROOT_ORG_NAME, generateCommission, type GenerateOptions } from './generate.js';
export { countDomainRows, ensureDemoData, loadDemoData, reloadDemoData, wipeDomainData } from './load.js';
export { NAMED_BRANDS } from './texts.js';
export { STUDY_HOURS_COMMITTEE, STUDY_HOURS_MEMBER } from './study.js';
export { BRANCH_PROBLEMS, TABLE_KEYS, UNIT_PROBLEMS } from './types.js';
export type {
  BranchProblem, BrandRow, CommitteeMemberRow, CommitteeRow, DemoData, MeetingRow, MemberRow, MemberStudyRow, OrgRow,
  PartyWorkerRow, ProblemKey, ProjectMilestoneRow, RecruitRow, ResponsibilityItemRow, SecretaryProjectRow, SecretaryReviewRow,
  SeededProblems, TableKey, UnitPlanRow, UnitProblem, VanguardPostRow,
} from './types.js';
