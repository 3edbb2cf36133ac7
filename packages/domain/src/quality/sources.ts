/**
 * What each indicator rests on — one table read by the catalogue, the screens,
 * the annual report and the Excel exports.
 *
 * Three tiers (issue 13):
 * - regulation (党内法规): the regulation's own text sets the requirement;
 *   missing it is a breach of 党内法规制度.
 * - commission (本委工作要求): a threshold or practice the commission set
 *   itself (a proxy, a local frequency, a survey finding); configurable, and
 *   never called a breach of 党内法规.
 * - reminder (提醒): at risk or not yet due (a term ending soon, a yearly
 *   meeting still open); nothing is broken, no points are lost.
 *
 * Articles are cited only where the article number was checked against the
 * regulation's text (支部工作条例第十一、十二、十三、十六条); elsewhere the
 * chapter is named.
 */
export type Tier = 'regulation' | 'commission' | 'reminder';
export const TIERS: readonly Tier[] = ['regulation', 'commission', 'reminder'];
export const TIER_LABELS: Record<Tier, string> = { regulation: '党内法规', commission: '本委工作要求', reminder: '提醒' };
/** The report's and the 问题清单's heading per tier: “涉及违反党内法规制度的问题N类”. */
export const TIER_HEADINGS: Record<Tier, string> = {
  regulation: '涉及违反党内法规制度的问题',
  commission: '未达到本委工作要求的问题',
  reminder: '需要提醒的事项',
};

export const DOCUMENTS = {
  tiaoli: '《中国共产党支部工作条例（试行）》（2018年）',
  constitution: '《中国共产党章程》',
  election: '《中国共产党基层组织选举工作条例》（2020年）',
  hospital: '《关于加强公立医院党的建设工作的意见》（2018年）',
  eduPlan: '《全国党员教育培训工作规划（2024—2028年）》',
  eduRule: '《中国共产党党员教育管理工作条例》（2019年）',
  recruit: '《中国共产党发展党员工作细则》（2014年）',
  resp: '《党委（党组）落实全面从严治党主体责任规定》（2020年）',
  survey: '市卫生健康委基层党组织建设质量调研',
  talk: '卫健系统基层党建工作座谈交流会讲话',
} as const;

export interface IndicatorSource {
  /** What a shortfall on this indicator is (a warning or a not-yet-due item is always 提醒). */
  tier: Exclude<Tier, 'reminder'>;
  /** The document and (where checked) article, with the words it says. */
  basis: string;
  /** The commission's own rule the check applies, with its default: “本委规则：…（默认…）”. */
  localRule?: string;
}

const D = DOCUMENTS;

export const INDICATOR_SOURCES = {
  secretary_dual_leader: {
    tier: 'commission',
    basis: `${D.hospital}：实施党支部书记“双带头人”培育工程`,
    localRule: '本委规则：支部书记为内设机构负责人或具有副高级以上职称的，认定为“双带头人”（平台认定口径，非文件原文）；离退休党支部不考核',
  },
  committee_complete: {
    tier: 'regulation',
    basis: `${D.tiaoli}第六章：有正式党员7人以上的党支部，应当设立党支部委员会。党支部委员会由3至5人组成，一般不超过7人。党支部委员会设书记和组织委员、宣传委员、纪检委员等`,
    localRule: '本委规则：委员可以兼任（如书记兼纪检委员），按实际担任的职务计算是否配齐',
  },
  committee_term: {
    tier: 'regulation',
    basis: `${D.tiaoli}第六章：其他基层单位党支部委员会一般每届任期3年；${D.election}：任期届满应当按期进行换届选举`,
    localRule: '本委规则：任期届满前3个月列为换届提醒（默认，可调整）',
  },
  committee_age: {
    tier: 'commission',
    basis: `${D.survey}：“部分成员年龄结构偏大，缺乏积极开展工作的热情”`,
    localRule: '本委规则：支委会成员平均年龄不超过50岁（默认，可调整）；离退休党支部不考核',
  },
  secretary_party_age: {
    tier: 'regulation',
    basis: `${D.tiaoli}第六章：党支部书记……一般应当具有1年以上党龄；${D.constitution}第七条：党龄从预备期满转为正式党员之日算起`,
  },
  secretary_part_time: {
    tier: 'commission',
    basis: `${D.survey}：“有些党支部班子成员兼职较多，没有专人抓党建工作”`,
    localRule: '本委规则：班子成员兼任其他职务不超过1个（默认，可调整）；“双带头人”要求的内设机构负责人职务不计入，专职书记不受此限',
  },
  general_meeting: {
    tier: 'regulation',
    basis: `${D.tiaoli}第十一条：党支部党员大会是党支部的议事决策机构，由全体党员参加，一般每季度召开1次`,
  },
  committee_meeting: {
    tier: 'regulation',
    basis: `${D.tiaoli}第十二条：党支部委员会会议一般每月召开1次，根据需要可以随时召开`,
  },
  group_meeting: {
    tier: 'regulation',
    basis: `${D.tiaoli}第十三条：党小组会一般每月召开1次`,
  },
  party_lecture: {
    tier: 'commission',
    basis: `${D.tiaoli}第十六条：党支部应当组织党员按期参加党员大会、党小组会和上党课；党员领导干部应当定期为基层党员讲党课，党委（党组）书记每年至少讲1次党课`,
    localRule: '本委规则：党支部每季度至少组织1次党课（默认每年4次，可调整；条例原文为“按期”）',
  },
  theme_day: {
    tier: 'regulation',
    basis: `${D.tiaoli}第五章（组织生活）：党支部每月相对固定1天开展主题党日`,
  },
  life_meeting: {
    tier: 'regulation',
    basis: `${D.tiaoli}第五章（组织生活）：党支部每年至少召开1次组织生活会，一般安排在第四季度`,
  },
  member_review: {
    tier: 'regulation',
    basis: `${D.tiaoli}第五章（组织生活）：党支部一般每年开展1次民主评议党员`,
  },
  attendance: {
    tier: 'commission',
    basis: `${D.tiaoli}第十六条：党支部应当组织党员按期参加党员大会、党小组会和上党课`,
    localRule: '本委规则：组织生活平均到会率不低于80%，低于70%为红色（默认，可调整）',
  },
  branch_size: {
    tier: 'regulation',
    basis: `${D.tiaoli}第二章（组织设置）：凡是有正式党员3人以上的，都应当成立党支部；党支部党员人数一般不超过50人`,
  },
  study_hours: {
    tier: 'commission',
    basis: `${D.eduPlan}：党员教育培训落实学时要求`,
    localRule: '本委规则：党员每年集中学习培训不少于32学时、支部班子成员不少于56学时（默认沿用《2019—2023年全国党员教育培训工作规划》的标准，可调整）',
  },
  recruitment: {
    tier: 'commission',
    basis: `${D.recruit}：入党申请人—入党积极分子—发展对象—预备党员—正式党员`,
    localRule: '本委规则：在职党支部应有在培养的入党申请人、积极分子或发展对象；离退休党支部不考核',
  },
  talent_recruitment: {
    tier: 'commission',
    basis: `${D.recruit}；${D.talk}：“对高层次人才的教育培训力度和政治吸纳力度不够”`,
    localRule: '本委规则：在职党支部每年至少培养1名高层次人才入党；离退休党支部不考核',
  },
  roster_complete: {
    tier: 'commission',
    basis: `${D.eduRule}：党员管理`,
    localRule: '本委规则：花名册中公民身份号码、联系电话、学历和岗位类别齐全，完整比例低于90%为红色（默认）',
  },
  brand: {
    tier: 'commission',
    basis: `${D.survey}：大力推进卫健系统党支部品牌建设`,
    localRule: '本委规则：每个在职党支部创建1个特色党建品牌；离退休党支部默认不考核',
  },
  secretary_project: {
    tier: 'commission',
    basis: `${D.talk}：将意义重大、难度最大的工作任务选定为年度“书记项目”`,
    localRule: '本委规则：3月底前确定年度书记项目，按节点推进（默认）；离退休党支部默认不考核',
  },
  vanguard_post: {
    tier: 'commission',
    basis: `${D.talk}：统一开展“党员先锋岗”创建活动`,
    localRule: '本委规则：3月底前设立年度党员先锋岗（默认）；离退休党支部默认不考核',
  },
  unit_plan: {
    tier: 'commission',
    basis: `${D.resp}；${D.talk}：“许多单位没有制定年度党建工作计划，缺乏工作思路”`,
    localRule: '本委规则：年度党建工作计划于3月底前提交（默认，可调整）',
  },
  unit_full_time_worker: {
    tier: 'commission',
    basis: `${D.hospital}；${D.talk}：“绝大多数基层党组织没有配备专职党务干部”`,
    localRule: '本委规则：每家单位至少配备1名专职党务干部（默认，可调整）',
  },
  unit_secretary_review: {
    tier: 'commission',
    basis: `${D.resp}；${D.survey}：认真组织开展直属单位党组织书记抓党建述职评议`,
    localRule: '本委规则：某年度的述职评议于次年第一季度开展，计入该年度',
  },
  unit_responsibility: {
    tier: 'commission',
    basis: `${D.resp}；${D.survey}：《市卫生健康委党组落实全面从严治党主体责任清单》`,
    localRule: '本委规则：清单完成进度不低于序时进度（默认落后20%以内为黄色）',
  },
} as const satisfies Record<string, IndicatorSource>;

/** “依据；本委规则：…” as one line for the screens and exports. */
export function sourceText(s: IndicatorSource): string {
  return s.localRule ? `${s.basis}（${s.localRule}）` : s.basis;
}
