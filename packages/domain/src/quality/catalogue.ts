/**
 * The indicator catalogue: what each indicator checks, where the rule comes
 * from, how the dashboard counts the organisations with this gap (in the
 * survey's own voice) and what the annual report recommends against it.
 * Thresholds and points live in the rule set (rules.ts), not here.
 */
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
  /** The document (and article) the rule comes from, or the survey practice it follows. */
  source: string;
  /** Follows a count on the dashboard: `${n}${gapPhrase}` → "5个支部书记非“双带头人”". */
  gapPhrase: string;
  /** One sentence for the report's 对策建议. */
  recommendation: string;
}

const TIAOLI = '《中国共产党支部工作条例（试行）》（2018年）';
const HOSPITAL = '《关于加强公立医院党的建设工作的意见》（2018年）';
const TERM = '《关于党的基层组织任期的意见》（2018年）';
const EDU_PLAN = '《2019—2023年全国党员教育培训工作规划》';
const RECRUIT = '《中国共产党发展党员工作细则》（2014年）';
const SURVEY = '市卫生健康委基层党组织建设质量调研';
const TALK = '卫健系统基层党建工作座谈交流会讲话';
const RESP = '《党委（党组）落实全面从严治党主体责任规定》（2020年）';

type Def = Omit<IndicatorDef, 'code' | 'scope' | 'dimension'>;
const b = (dimension: BranchDimension, d: Def) => ({ scope: 'branch' as const, dimension, ...d });
const u = (d: Def) => ({ scope: 'unit' as const, dimension: 'responsibility' as const, ...d });

const DEFS: Record<IndicatorCode, Omit<IndicatorDef, 'code'>> = {
  secretary_dual_leader: b('leadership', {
    name: '支部书记为“双带头人”',
    source: `${HOSPITAL}：实施党支部书记“双带头人”培育工程，一般应由内设机构负责人或业务骨干（副高级以上职称）担任`,
    gapPhrase: '个支部书记非“双带头人”',
    recommendation: '深入实施党支部书记“双带头人”培育工程，推动内设机构负责人、学科带头人担任支部书记，把党员培养成业务骨干、把业务骨干培养成党员。',
  }),
  committee_complete: b('leadership', {
    name: '支委会配备齐全',
    source: `${TIAOLI}第六章：有正式党员7人以上的党支部应当设立党支部委员会，由3至5人组成，一般不超过7人，设书记和组织委员、宣传委员、纪检委员等`,
    gapPhrase: '个支部班子配备不全',
    recommendation: '对照支部工作条例配齐支部委员会，组织、宣传、纪检委员缺额的及时补选，确保支部班子队伍有保障。',
  }),
  committee_term: b('leadership', {
    name: '支委会按期换届',
    source: `${TERM}；${TIAOLI}第六章：党支部委员会每届任期3年，任期届满应当按期进行换届选举`,
    gapPhrase: '个支部未按期换届',
    recommendation: '建立支部换届提醒机制，任期届满前3个月启动换届准备，确需延期的报上级党组织批准。',
  }),
  committee_age: b('leadership', {
    name: '支委会年龄结构合理',
    source: `${HOSPITAL}：选优配强党支部班子；${SURVEY}：“部分成员年龄结构偏大，缺乏积极开展工作的热情”`,
    gapPhrase: '个支部班子成员年龄结构偏大',
    recommendation: '优化支部班子年龄结构，注重选拔优秀青年医务人员进入支委会，做好班子成员梯次配备。',
  }),
  secretary_party_age: b('leadership', {
    name: '支部书记党龄满1年',
    source: `${TIAOLI}第六章：党支部书记一般应当具有1年以上党龄；《中国共产党章程》第七条：党龄从预备期满转为正式党员之日算起`,
    gapPhrase: '个支部书记党龄不足',
    recommendation: '严格支部书记任职条件，党龄不足1年的书记由上级党组织加强指导，适时调整配备。',
  }),
  secretary_part_time: b('leadership', {
    name: '班子成员兼职适度',
    source: `${SURVEY}：“有些党支部班子成员兼职较多，没有专人抓党建工作”；${HOSPITAL}`,
    gapPhrase: '个支部班子成员兼职较多',
    recommendation: '合理调整支部班子成员分工，减少兼职过多的情况，保证有专人、有精力抓支部建设。',
  }),
  general_meeting: b('political', {
    name: '按期召开支部党员大会',
    source: `${TIAOLI}第十五条：党支部党员大会一般每季度召开1次`,
    gapPhrase: '个支部未按规定召开支部党员大会',
    recommendation: '严格落实“三会一课”制度，每季度至少召开1次支部党员大会，会前有通知、会中有记录、会后有落实。',
  }),
  committee_meeting: b('political', {
    name: '按期召开支委会',
    source: `${TIAOLI}第十五条：党支部委员会会议一般每月召开1次`,
    gapPhrase: '个支部未按规定召开支委会',
    recommendation: '支委会每月至少召开1次，研究支部重要工作，支部书记要把支委会开成议事决策的“主阵地”。',
  }),
  group_meeting: b('political', {
    name: '按期召开党小组会',
    source: `${TIAOLI}第十五条：党小组会一般每月召开1次`,
    gapPhrase: '个支部未按规定召开党小组会',
    recommendation: '设有党小组的支部每月召开党小组会，发挥党小组在教育管理党员中的基础作用。',
  }),
  party_lecture: b('political', {
    name: '按期上党课',
    source: `${TIAOLI}第十五条：党支部应当组织党员按期上党课（“三会一课”，本平台默认每季度1次）`,
    gapPhrase: '个支部未按规定上党课',
    recommendation: '落实书记讲党课、党员领导干部讲党课制度，每季度至少组织1次党课，提高党课质量和吸引力。',
  }),
  theme_day: b('political', {
    name: '每月开展主题党日',
    source: `${TIAOLI}第十六条：党支部每月相对固定1天开展主题党日`,
    gapPhrase: '个支部主题党日开展不规范',
    recommendation: '每月相对固定1天开展主题党日，结合卫生健康中心工作确定主题，避免流于形式。',
  }),
  life_meeting: b('political', {
    name: '召开年度组织生活会',
    source: `${TIAOLI}第五章（组织生活）：党支部每年至少召开1次组织生活会，一般安排在第四季度`,
    gapPhrase: '个支部未召开年度组织生活会',
    recommendation: '每年第四季度召开组织生活会，认真开展批评和自我批评，抓好问题整改。',
  }),
  member_review: b('political', {
    name: '开展民主评议党员',
    source: `${TIAOLI}第五章（组织生活）：党支部一般每年开展1次民主评议党员`,
    gapPhrase: '个支部未开展民主评议党员',
    recommendation: '结合组织生活会每年开展民主评议党员，评议结果作为党员教育管理的重要依据。',
  }),
  attendance: b('political', {
    name: '组织生活到会率',
    source: `${TIAOLI}第十五条：党支部应当组织党员按期参加党员大会、党小组会和上党课（到会率标准为本平台规则）`,
    gapPhrase: '个支部组织生活到会率偏低',
    recommendation: '合理安排组织生活时间，兼顾医疗工作特点，对无故缺席的党员及时谈心谈话，提高参会率。',
  }),
  branch_size: b('team', {
    name: '支部党员规模适当',
    source: `${TIAOLI}第二章（组织设置）：有正式党员3人以上的应当成立党支部，党支部党员人数一般不超过50人`,
    gapPhrase: '个支部党员人数不符合设置要求',
    recommendation: '按照便于组织开展活动的原则优化支部设置，党员超过50人的适时拆分，正式党员不足3人的组建联合支部。',
  }),
  study_hours: b('team', {
    name: '党员学习培训学时达标',
    source: `${EDU_PLAN}：党员每年集中学习培训时间一般不少于32学时，基层党组织书记和班子成员不少于56学时`,
    gapPhrase: '个支部党员学习学时未达标',
    recommendation: '统筹“学习强国”、网络学院、“周一夜学”等学习形式，建立学时台账，督促党员完成年度学时要求。',
  }),
  recruitment: b('team', {
    name: '发展党员有后备',
    source: `${RECRUIT}：入党申请人—入党积极分子—发展对象—预备党员—正式党员`,
    gapPhrase: '个支部无发展党员后备力量',
    recommendation: '做好经常性发展党员工作，注重在青年医务人员中培养入党积极分子，保持发展党员梯队。',
  }),
  talent_recruitment: b('team', {
    name: '高层次人才“双培养”',
    source: `${RECRUIT}；${HOSPITAL}：注重在医学专家、学科带头人、优秀青年医务人员中发展党员；${TALK}：“对高层次人才的教育培训力度和政治吸纳力度不够”`,
    gapPhrase: '个支部未开展高层次人才发展党员工作',
    recommendation: '摸清高层次人才入党需求，建立党员领导干部联系高层次人才制度，加大政治吸纳力度。',
  }),
  roster_complete: b('team', {
    name: '党员信息完整',
    source: '《中国共产党党员教育管理工作条例》（2019年）：党员管理；全国党员管理信息系统信息采集要求',
    gapPhrase: '个支部党员信息不完整',
    recommendation: '逐人核对党员花名册，补齐公民身份号码、联系方式、学历和岗位类别等信息，做到底数清、情况明。',
  }),
  brand: b('role', {
    name: '创建支部品牌',
    source: `${SURVEY}：大力推进卫健系统党支部品牌建设（如“120救（就）在身边”“一二三工作法”）`,
    gapPhrase: '个支部尚未创建党建品牌',
    recommendation: '坚持“一支部一特色”，结合科室业务打造支部品牌，通过树样板、抓融合促进支部活力。',
  }),
  secretary_project: b('role', {
    name: '书记项目按计划推进',
    source: `${TALK}：将意义重大、难度最大的工作任务选定为年度“书记项目”，引领带动党员攻坚克难`,
    gapPhrase: '个支部书记项目推进滞后',
    recommendation: '书记项目紧扣医院中心工作选题，细化节点、定期调度，逾期节点限时销号。',
  }),
  vanguard_post: b('role', {
    name: '设立党员先锋岗',
    source: `${TALK}：统一开展“党员先锋岗”创建活动`,
    gapPhrase: '个支部未设立党员先锋岗',
    recommendation: '在急难险重任务一线设立党员先锋岗，亮身份、作表率，让党员作用看得见。',
  }),
  unit_plan: u({
    name: '制定年度党建工作计划',
    source: `${RESP}；${TALK}：“许多单位没有制定年度党建工作计划，缺乏工作思路”（本平台规则：第一季度内提交）`,
    gapPhrase: '家单位未制定年度党建工作计划',
    recommendation: '各单位党组织于每年第一季度制定年度党建工作计划，明确任务书、时间表和责任人。',
  }),
  unit_full_time_worker: u({
    name: '配备专职党务干部',
    source: `${HOSPITAL}：配齐配强党务工作人员；${TALK}：“绝大多数基层党组织没有配备专职党务干部”`,
    gapPhrase: '家单位未配备专职党务干部',
    recommendation: '按要求配齐配强专职党务干部，在职务职级晋升、职称评聘上给予政策支持，稳定党务干部队伍。',
  }),
  unit_secretary_review: u({
    name: '党组织书记述职评议',
    source: `${RESP}；${SURVEY}：认真组织开展直属单位党组织书记抓党建述职评议`,
    gapPhrase: '家单位党组织书记述职评议等次不佳',
    recommendation: '严格党组织书记抓基层党建述职评议考核，评议结果“一般”以下的限期整改并约谈提醒。',
  }),
  unit_responsibility: u({
    name: '主体责任清单落实',
    source: `${RESP}；${SURVEY}：《市卫生健康委党组落实全面从严治党主体责任清单》`,
    gapPhrase: '家单位主体责任清单落实滞后',
    recommendation: '对照主体责任清单逐项销号，按照“一岗双责”把责任分解到班子成员和各科室。',
  }),
};

export const INDICATORS: readonly IndicatorDef[] = INDICATOR_CODES.map((code) => ({ code, ...DEFS[code] }));

export const INDICATOR_BY_CODE = Object.fromEntries(INDICATORS.map((d) => [d.code, d])) as Record<IndicatorCode, IndicatorDef>;

export function indicatorsOf(dimension: Dimension): IndicatorDef[] {
  return INDICATORS.filter((d) => d.dimension === dimension);
}
