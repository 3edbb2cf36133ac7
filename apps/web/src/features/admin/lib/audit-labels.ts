/**
 * Chinese names for the codes the API writes into the audit log
 * (apps/api/src/lib/audit.ts and each service's recordAudit call). An unknown
 * code is shown as it is, so a new entity type still reads sensibly.
 */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  transfer: '组织关系转接',
  leave: '减少党员',
  advance: '推进阶段',
  stop: '终止培养',
  retire: '停用',
  merge: '合并组织',
  dissolve: '撤销组织',
  reset_password: '重置密码',
  unlock_login: '解除登录限制',
  review: '审核组织生活',
};

export const AUDIT_ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  import: 'purple',
  retire: 'orange',
  dissolve: 'red',
  merge: 'orange',
  stop: 'orange',
  reset_password: 'gold',
  unlock_login: 'gold',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  member: '党员',
  roster: '党员名册',
  meeting: '组织生活',
  org: '组织',
  committee: '支委会',
  brand: '支部品牌',
  project: '书记项目',
  secretary_project: '书记项目',
  project_milestone: '书记项目节点',
  vanguard_post: '党员先锋岗',
  recruit: '发展党员',
  unit_plan: '年度党建工作计划',
  party_worker: '专职党务干部',
  secretary_review: '书记述职评议',
  responsibility_item: '主体责任清单',
  user: '用户',
  rule_set: '评分规则',
};

export const actionLabel = (code: string) => AUDIT_ACTION_LABELS[code] ?? code;
export const entityLabel = (code: string) => AUDIT_ENTITY_LABELS[code] ?? code;

/** Options for the filters: every known code once (aliases with the same label, e.g. project, left out). */
export const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
export const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS)
  .filter(([value]) => value !== 'project')
  .map(([value, label]) => ({ value, label }));
