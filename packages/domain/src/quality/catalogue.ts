/**
 * The indicator catalogue: what each indicator checks, where the rule comes
 * from, how the dashboard counts the organisations with this gap (in the
 * survey's own voice) and what the annual report recommends against it.
 * Thresholds and points live in the rule set (rules.ts), not here.
 */
import { INDICATOR_SOURCES, sourceText, type IndicatorSource } from './sources.js';

export const BRANCH_DIMENSIONS = ['leadership', 'political', 'team', 'role'] as const;
export type BranchDimension = (typeof BRANCH_DIMENSIONS)[number];
export type Dimension = BranchDimension | 'responsibility';

/** 四强支部 (the survey: “以‘四强支部’建设为抓手”) plus the unit's 责任落实. */
export const DIMENSION_LABELS: Record<Dimension, string> = {
  leadership: '支部班子强',
  political: '政治功能强',
  team: '党员队伍强',
  role: '作用发挥强',
  responsibility: '责任落实',
};

export const BRANCH_INDICATOR_CODES = [
  'secretary_dual_leader', 'committee_complete', 'committee_term', 'committee_age', 'secretary_party_age', 'secretary_part_time',
  'general_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'life_meeting', 'member_review', 'attendance',
  'branch_size', 'study_hours', 'recruitment', 'talent_recruitment', 'roster_complete',
  'brand', 'secretary_project', 'vanguard_post',
] as const;
export const UNIT_INDICATOR_CODES = ['unit_plan', 'unit_full_time_worker', 'unit_secretary_review', 'unit_responsibility'] as const;
export type BranchIndicatorCode = (typeof BRANCH_INDICATOR_CODES)[number];
export type UnitIndicatorCode = (typeof UNIT_INDICATOR_CODES)[number];
export type IndicatorCode = BranchIndicatorCode | UnitIndicatorCode;
export const INDICATOR_CODES: readonly IndicatorCode[] = [...BRANCH_INDICATOR_CODES, ...UNIT_INDICATOR_CODES];

export interface IndicatorDef {
  code: IndicatorCode;
  scope: 'branch' | 'unit';
  dimension: Dimension;
  name: string;
  /** The document (and article) the rule comes from, with the commission's own rule (sources.ts). */
  source: string;
  /** What a shortfall is: 党内法规 or 本委工作要求 (a reminder is always 提醒). */
  tier: IndicatorSource['tier'];
  basis: string;
  localRule: string | null;
  /** Follows a count on the dashboard: `${n}${gapPhrase}` → "5个支部书记非“双带头人”". */
  gapPhrase: string;
  /** One sentence for the report's 对策建议. */
  recommendation: string;
  /** Follows a count for the reminders of this indicator: “3个支部委员会任期将于3个月内届满”. */
  reminderPhrase: string;
  /** Phrases for a kind of gap counted on its own line (unit_plan: late is not missing). */
  variants: Record<string, string>;
}

type Def = Omit<IndicatorDef, 'code' | 'scope' | 'dimension' | 'source' | 'tier' | 'basis' | 'localRule' | 'reminderPhrase' | 'variants'> & { reminderPhrase?: string; variants?: Record<string, string> };
const b = (dimension: BranchDimension, d: Def) => ({ scope: 'branch' as const, dimension, ...d });
const u = (d: Def) => ({ scope: 'unit' as const, dimension: 'responsibility' as const, ...d });

const DEFS: Record<IndicatorCode, ReturnType<typeof b> | ReturnType<typeof u>> = {
  secretary_dual_leader: b('leadership', {
    name: '支部书记为“双带头人”',
    gapPhrase: '个支部书记非“双带头人”',
    recommendation: '深入实施党支部书记“双带头人”培育工程，推动内设机构负责人、学科带头人担任支部书记，把党员培养成业务骨干、把业务骨干培养成党员。',
  }),
  committee_complete: b('leadership', {
    name: '支委会配备齐全',
    gapPhrase: '个支部班子配备不全',
    recommendation: '对照支部工作条例配齐支部委员会，组织、宣传、纪检委员缺额的及时补选，确保支部班子队伍有保障。',
  }),
  committee_term: b('leadership', {
    name: '支委会按期换届',
    gapPhrase: '个支部未按期换届',
    recommendation: '建立支部换届提醒机制，任期届满前3个月启动换届准备，确需延期的报上级党组织批准。',
    reminderPhrase: '个支部委员会任期将于{termWarnMonths}个月内届满',
  }),
  committee_age: b('leadership', {
    name: '支委会年龄结构合理',
    gapPhrase: '个支部班子成员年龄结构偏大',
    recommendation: '优化支部班子年龄结构，注重选拔优秀青年医务人员进入支委会，做好班子成员梯次配备。',
  }),
  secretary_party_age: b('leadership', {
    name: '支部书记党龄满1年',
    gapPhrase: '个支部书记党龄不足',
    recommendation: '严格支部书记任职条件，党龄不足1年的书记由上级党组织加强指导，适时调整配备。',
  }),
  secretary_part_time: b('leadership', {
    name: '班子成员兼职适度',
    gapPhrase: '个支部班子成员兼职较多',
    recommendation: '合理调整支部班子成员分工，减少兼职过多的情况，保证有专人、有精力抓支部建设。',
  }),
  general_meeting: b('political', {
    name: '按期召开支部党员大会',
    gapPhrase: '个支部未按规定召开支部党员大会',
    recommendation: '严格落实“三会一课”制度，每季度至少召开1次支部党员大会，会前有通知、会中有记录、会后有落实。',
  }),
  committee_meeting: b('political', {
    name: '按期召开支委会',
    gapPhrase: '个支部未按规定召开支委会',
    recommendation: '支委会每月至少召开1次，研究支部重要工作，支部书记要把支委会开成议事决策的“主阵地”。',
  }),
  group_meeting: b('political', {
    name: '按期召开党小组会',
    gapPhrase: '个支部未按规定召开党小组会',
    recommendation: '设有党小组的支部每月召开党小组会，发挥党小组在教育管理党员中的基础作用。',
  }),
  party_lecture: b('political', {
    name: '按期上党课',
    gapPhrase: '个支部未按规定上党课',
    recommendation: '落实书记讲党课、党员领导干部讲党课制度，每季度至少组织1次党课，提高党课质量和吸引力。',
  }),
  theme_day: b('political', {
    name: '每月开展主题党日',
    gapPhrase: '个支部主题党日开展不规范',
    recommendation: '每月相对固定1天开展主题党日，结合卫生健康中心工作确定主题，避免流于形式。',
  }),
  life_meeting: b('political', {
    name: '召开年度组织生活会',
    gapPhrase: '个支部未召开年度组织生活会',
    recommendation: '每年第四季度召开组织生活会，认真开展批评和自我批评，抓好问题整改。',
    reminderPhrase: '个支部年度组织生活会尚未召开（年底前完成）',
  }),
  member_review: b('political', {
    name: '开展民主评议党员',
    gapPhrase: '个支部未开展民主评议党员',
    recommendation: '结合组织生活会每年开展民主评议党员，评议结果作为党员教育管理的重要依据。',
    reminderPhrase: '个支部年度民主评议党员尚未开展（年底前完成）',
  }),
  attendance: b('political', {
    name: '组织生活到会率',
    gapPhrase: '个支部组织生活到会率偏低',
    recommendation: '合理安排组织生活时间，兼顾医疗工作特点，对无故缺席的党员及时谈心谈话，提高参会率。',
  }),
  branch_size: b('team', {
    name: '支部党员规模适当',
    gapPhrase: '个支部党员人数不符合设置要求',
    recommendation: '按照便于组织开展活动的原则优化支部设置，党员超过50人的适时拆分，正式党员不足3人的组建联合支部。',
  }),
  study_hours: b('team', {
    name: '党员学习培训学时达标',
    gapPhrase: '个支部党员学习学时未达标',
    recommendation: '统筹“学习强国”、网络学院、“周一夜学”等学习形式，建立学时台账，督促党员完成年度学时要求。',
  }),
  recruitment: b('team', {
    name: '发展党员有后备',
    gapPhrase: '个支部无发展党员后备力量',
    recommendation: '做好经常性发展党员工作，注重在青年医务人员中培养入党积极分子，保持发展党员梯队。',
  }),
  talent_recruitment: b('team', {
    name: '高层次人才“双培养”',
    gapPhrase: '个支部未开展高层次人才发展党员工作',
    recommendation: '摸清高层次人才入党需求，建立党员领导干部联系高层次人才制度，加大政治吸纳力度。',
  }),
  roster_complete: b('team', {
    name: '党员信息完整',
    gapPhrase: '个支部党员信息不完整',
    recommendation: '逐人核对党员花名册，补齐公民身份号码、联系方式、学历和岗位类别等信息，做到底数清、情况明。',
  }),
  brand: b('role', {
    name: '创建支部品牌',
    gapPhrase: '个支部尚未创建党建品牌',
    recommendation: '坚持“一支部一特色”，结合科室业务打造支部品牌，通过树样板、抓融合促进支部活力。',
  }),
  secretary_project: b('role', {
    name: '书记项目按计划推进',
    gapPhrase: '个支部书记项目推进滞后',
    recommendation: '书记项目紧扣医院中心工作选题，细化节点、定期调度，逾期节点限时销号。',
    variants: { missing: '个支部未确定年度书记项目' },
  }),
  vanguard_post: b('role', {
    name: '设立党员先锋岗',
    gapPhrase: '个支部未设立党员先锋岗',
    recommendation: '在急难险重任务一线设立党员先锋岗，亮身份、作表率，让党员作用看得见。',
  }),
  unit_plan: u({
    name: '制定年度党建工作计划',
    gapPhrase: '家单位未制定年度党建工作计划',
    recommendation: '各单位党组织于每年第一季度制定年度党建工作计划，明确任务书、时间表和责任人。',
    reminderPhrase: '家单位年度党建工作计划尚未提交（期限未到）',
    variants: { late: '家单位逾期提交年度党建工作计划' },
  }),
  unit_full_time_worker: u({
    name: '配备专职党务干部',
    gapPhrase: '家单位未配备专职党务干部',
    recommendation: '按要求配齐配强专职党务干部，在职务职级晋升、职称评聘上给予政策支持，稳定党务干部队伍。',
  }),
  unit_secretary_review: u({
    name: '党组织书记述职评议',
    gapPhrase: '家单位党组织书记述职评议等次不佳',
    recommendation: '严格党组织书记抓基层党建述职评议考核，评议结果“一般”以下的限期整改并约谈提醒。',
    reminderPhrase: '家单位上一年度党组织书记述职评议尚未开展（次年第一季度完成）',
    variants: { missing: '家单位未开展党组织书记述职评议' },
  }),
  unit_responsibility: u({
    name: '主体责任清单落实',
    gapPhrase: '家单位主体责任清单落实滞后',
    recommendation: '对照主体责任清单逐项销号，按照“一岗双责”把责任分解到班子成员和各科室。',
  }),
};

export const INDICATORS: readonly IndicatorDef[] = INDICATOR_CODES.map((code) => {
  const d = DEFS[code];
  const src: IndicatorSource = INDICATOR_SOURCES[code];
  const noun = d.scope === 'branch' ? '个支部' : '家单位';
  return {
    code, ...d,
    source: sourceText(src), tier: src.tier, basis: src.basis, localRule: src.localRule ?? null,
    reminderPhrase: d.reminderPhrase ?? `${noun}${d.name}需要提醒`, variants: d.variants ?? {},
  };
});

export const INDICATOR_BY_CODE = Object.fromEntries(INDICATORS.map((d) => [d.code, d])) as Record<IndicatorCode, IndicatorDef>;

export function indicatorsOf(dimension: Dimension): IndicatorDef[] {
  return INDICATORS.filter((d) => d.dimension === dimension);
}
