/**
 * The closed vocabularies of the domain. Codes are English (stored in the
 * database and sent over the API); their Chinese labels live in labels.ts.
 */
export const ORG_KINDS = ['committee', 'party_committee', 'general_branch', 'branch', 'party_group'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Type of institution behind a unit-level organisation. */
export const INSTITUTION_TYPES = ['hospital', 'health_institution'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Who a branch is made of: in-service staff, retirees, or both. */
export const BRANCH_CATEGORIES = ['in_service', 'retired', 'mixed'] as const;
export type BranchCategory = (typeof BRANCH_CATEGORIES)[number];

export const ORG_STATUSES = ['active', 'dissolved'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const EDUCATIONS = ['postgraduate_doctor', 'postgraduate_master', 'bachelor', 'college', 'secondary', 'below'] as const;
export type Education = (typeof EDUCATIONS)[number];

/** 正式党员 / 预备党员 */
export const MEMBER_CATEGORIES = ['full', 'probationary'] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/** 在职 / 离退休 */
export const EMPLOYMENTS = ['in_service', 'retired'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];

/** 医/护/技/药/管理/后勤 */
export const JOB_CATEGORIES = ['doctor', 'nurse', 'technician', 'pharmacist', 'management', 'logistics'] as const;
export type JobCategory = (typeof JOB_CATEGORIES)[number];

/** 正高/副高/中级/初级/无 */
export const TITLE_LEVELS = ['senior', 'deputy_senior', 'intermediate', 'junior', 'none'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** A member row is never deleted: leaving the branch sets a status. */
export const MEMBER_STATUSES = ['active', 'transferred_out', 'deceased', 'expelled'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const COMMITTEE_ROLES = ['secretary', 'deputy_secretary', 'organization', 'propaganda', 'discipline', 'youth', 'other'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export const MEETING_TYPES = [
  'general_meeting', // 支部党员大会
  'committee_meeting', // 支委会
  'group_meeting', // 党小组会
  'party_lecture', // 党课
  'theme_day', // 主题党日
  'life_meeting', // 组织生活会
  'member_review', // 民主评议党员
  'heart_talk', // 谈心谈话
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const PROJECT_STATUSES = ['planned', 'in_progress', 'completed', 'abandoned'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** 入党申请人 → 积极分子 → 发展对象 → 预备党员 → 正式党员 (《发展党员工作细则》2014) */
export const RECRUIT_STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
export type RecruitStage = (typeof RECRUIT_STAGES)[number];

export const RECRUIT_STATUSES = ['active', 'stopped'] as const;
export type RecruitStatus = (typeof RECRUIT_STATUSES)[number];

/** 述职评议 grades */
export const REVIEW_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

export const ROLES = ['admin', 'unit_secretary', 'branch_secretary', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
