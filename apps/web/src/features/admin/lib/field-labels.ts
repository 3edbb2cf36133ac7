import {
  COMMITTEE_ROLE_LABELS, EDUCATION_LABELS, EMPLOYMENT_LABELS, GENDER_LABELS, JOB_CATEGORY_LABELS, MEETING_TYPE_LABELS,
  MEMBER_CATEGORY_LABELS, ORG_KIND_LABELS, RECRUIT_STAGE_LABELS, REVIEW_GRADE_LABELS, ROLE_LABELS, TITLE_LEVEL_LABELS,
} from '@wj/domain';
import { INDICATOR_BY_CODE, RULE_FIELDS, type IndicatorCode } from '@wj/domain/quality';

/** Chinese names of the record fields that appear in audit before/after snapshots; others show their code. */
const FIELD_LABELS: Record<string, string> = {
  id: '编号', version: '版本', createdAt: '创建时间', updatedAt: '修改时间', updatedBy: '修改人', createdBy: '创建人',
  username: '用户名', displayName: '姓名', role: '角色', scopeOrgId: '管理范围', scopeOrgName: '管理范围（名称）', disabled: '已停用',
  passwordHash: '密码', failedLogins: '登录失败次数', lockedUntil: '锁定至', loginBlocked: '被暂停登录的地址数',
  name: '名称/姓名', gender: '性别', ethnicity: '民族', birthDate: '出生日期', education: '学历', idNumber: '公民身份号码', phone: '联系电话',
  joinDate: '入党日期', fullDate: '转正日期', category: '党员类别', employment: '在职/离退休', jobCategory: '岗位类别',
  titleLevel: '职称等级', isTalent: '高层次人才', isDeptHead: '内设机构负责人', hours: '学习学时', status: '状态',
  leftDate: '离开日期', leftReason: '离开原因', orgId: '所属组织', unitId: '所属单位', parentId: '上级组织',
  kind: '组织类型', institutionName: '单位名称', department: '科室', branchCategory: '支部类别', foundedDate: '成立日期', dissolvedDate: '撤销日期',
  type: '类型', date: '日期', topic: '主题', expected: '应到人数', present: '实到人数', notes: '备注', note: '说明',
  electedDate: '选举日期', termYears: '任期（年）', endedDate: '结束日期', fullTime: '专职', otherPosts: '兼任职务数', members: '成员',
  title: '标题', year: '年度', goal: '目标', businessGoal: '服务的业务目标', progress: '进度', review: '总结评价', dueDate: '到期日期', doneDate: '完成日期',
  description: '说明', active: '启用', position: '岗位', stage: '阶段', stopReason: '终止原因', grade: '评议等级', comment: '评语',
  submittedDate: '提交日期', content: '内容', done: '已完成', rows: '行数', movedTo: '并入组织',
};

const RULE_LABELS = new Map(RULE_FIELDS.map((f) => [f.path, f.label]));

/** The label of a (possibly nested) field path: rule paths use the rule form's labels. */
export function fieldLabel(path: string): string {
  const rule = RULE_LABELS.get(path);
  if (rule) return rule;
  const last = path.split('.').at(-1) ?? path;
  if (path.startsWith('indicators.') && last === 'enabled') {
    const code = path.split('.')[1] as IndicatorCode;
    return `${INDICATOR_BY_CODE[code]?.name ?? code}是否启用`;
  }
  return FIELD_LABELS[path] ?? (path.includes('.') ? path : (FIELD_LABELS[last] ?? path));
}

/** Code values that read better as their Chinese label, by field name. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  role: { ...ROLE_LABELS, ...COMMITTEE_ROLE_LABELS },
  gender: GENDER_LABELS, education: EDUCATION_LABELS, category: MEMBER_CATEGORY_LABELS, employment: EMPLOYMENT_LABELS,
  jobCategory: JOB_CATEGORY_LABELS, titleLevel: TITLE_LEVEL_LABELS, kind: ORG_KIND_LABELS, type: MEETING_TYPE_LABELS,
  stage: RECRUIT_STAGE_LABELS, grade: REVIEW_GRADE_LABELS,
};

export function valueLabel(path: string, value: string): string {
  const field = path.split('.').at(-1) ?? path;
  return VALUE_LABELS[field]?.[value] ?? value;
}
