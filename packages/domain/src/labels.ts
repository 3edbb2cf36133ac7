import type {
  BranchCategory, CommitteeRole, Education, Employment, Gender, InstitutionType, JobCategory, MeetingType,
  MemberCategory, MemberStatus, OrgKind, ProjectStatus, RecruitStage, RecruitStatus, ReviewGrade, Role, TitleLevel,
} from './enums.js';

/** Chinese labels for every code in enums.ts — the UI and the reports use these. */
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  committee: '机关党委', party_committee: '党委', general_branch: '党总支', branch: '党支部', party_group: '党小组',
};
export const INSTITUTION_TYPE_LABELS: Record<InstitutionType, string> = { hospital: '公立医院', health_institution: '卫生健康事业单位' };
export const BRANCH_CATEGORY_LABELS: Record<BranchCategory, string> = { in_service: '在职党支部', retired: '离退休党支部', mixed: '混合党支部' };
export const GENDER_LABELS: Record<Gender, string> = { male: '男', female: '女' };
export const EDUCATION_LABELS: Record<Education, string> = {
  postgraduate_doctor: '博士研究生', postgraduate_master: '硕士研究生', bachelor: '大学本科', college: '大学专科', secondary: '中专/高中', below: '初中及以下',
};
export const MEMBER_CATEGORY_LABELS: Record<MemberCategory, string> = { full: '正式党员', probationary: '预备党员' };
export const EMPLOYMENT_LABELS: Record<Employment, string> = { in_service: '在职', retired: '离退休' };
export const JOB_CATEGORY_LABELS: Record<JobCategory, string> = {
  doctor: '医', nurse: '护', technician: '技', pharmacist: '药', management: '管理', logistics: '后勤',
};
export const TITLE_LEVEL_LABELS: Record<TitleLevel, string> = { senior: '正高', deputy_senior: '副高', intermediate: '中级', junior: '初级', none: '无' };
export const MEMBER_STATUS_LABELS: Record<MemberStatus, string> = { active: '在册', transferred_out: '转出', deceased: '死亡', expelled: '出党' };
export const COMMITTEE_ROLE_LABELS: Record<CommitteeRole, string> = {
  secretary: '书记', deputy_secretary: '副书记', organization: '组织委员', propaganda: '宣传委员', discipline: '纪检委员', youth: '青年委员', other: '委员',
};
export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  general_meeting: '支部党员大会', committee_meeting: '支委会', group_meeting: '党小组会', party_lecture: '党课',
  theme_day: '主题党日', life_meeting: '组织生活会', member_review: '民主评议党员', heart_talk: '谈心谈话',
};
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { planned: '未启动', in_progress: '推进中', completed: '已完成', abandoned: '已终止' };
export const RECRUIT_STAGE_LABELS: Record<RecruitStage, string> = {
  applicant: '入党申请人', activist: '入党积极分子', candidate: '发展对象', probationary: '预备党员', full: '正式党员',
};
export const RECRUIT_STATUS_LABELS: Record<RecruitStatus, string> = { active: '培养中', stopped: '已终止' };
export const REVIEW_GRADE_LABELS: Record<ReviewGrade, string> = { excellent: '好', good: '较好', fair: '一般', poor: '差' };
export const ROLE_LABELS: Record<Role, string> = { admin: '委机关党委管理员', unit_secretary: '单位党组织书记/党务干部', branch_secretary: '支部书记', viewer: '委领导（只读）' };
