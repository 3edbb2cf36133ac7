import type { MeetingType, ReviewGrade } from '@wj/domain';
import type { DeptKind } from './units.js';

/** Chinese text for the demo records: meeting topics, brand names, project themes, checklists. */

export const MEETING_TOPICS: Record<MeetingType, readonly string[]> = {
  general_meeting: [
    '学习贯彻党的二十大精神', '学习贯彻党的二十届三中全会精神', '传达学习全国两会精神', '审议支部年度工作计划',
    '学习《中国共产党纪律处分条例》', '讨论接收预备党员', '通报党费收缴情况', '民主推荐优秀共产党员',
    '学习《医疗机构工作人员廉洁从业九项准则》', '讨论预备党员转正',
  ],
  committee_meeting: [
    '研究支部月度工作安排', '研究发展党员工作', '研究主题党日活动方案', '分析党员思想状况', '研究书记项目推进情况',
    '研究党员先锋岗创建工作', '研究党风廉政建设工作', '研究医德医风建设', '研究“三会一课”安排', '研究党建与业务融合举措',
  ],
  group_meeting: [
    '学习党章', '交流学习心得体会', '学习医疗行业廉洁从业规定', '讨论科室服务改进', '学习先进典型事迹', '开展批评与自我批评',
  ],
  party_lecture: [
    '书记讲党课：坚守医者初心 践行使命担当', '党课：以高质量党建引领医院高质量发展', '党课：加强纪律建设 筑牢廉洁防线',
    '专题党课：学习贯彻党的二十大精神', '党课：弘扬伟大抗疫精神', '党课：传承红色基因 赓续精神血脉',
    '党课：做党和人民满意的好医生', '党课：践行以人民健康为中心的发展思想',
  ],
  theme_day: [
    '主题党日：走进社区义诊', '主题党日：重温入党誓词', '主题党日：参观党性教育基地', '主题党日：志愿服务进乡村',
    '主题党日：健康科普进校园', '主题党日：无偿献血志愿活动', '主题党日：慰问困难老党员', '主题党日：“我为群众办实事”便民服务',
    '主题党日：观看警示教育片', '主题党日：党建联学共建',
  ],
  life_meeting: ['年度组织生活会'],
  member_review: ['年度民主评议党员'],
  heart_talk: ['谈心谈话：了解党员思想动态', '谈心谈话：青年党员成长交流', '谈心谈话：走访慰问老党员', '谈心谈话：新任职干部廉政谈话'],
};

/** Theme days that follow the calendar: 学雷锋 (March), 清明 (April), 七一 (July). */
export const MONTH_THEME: Partial<Record<number, string>> = {
  3: '主题党日：学雷锋志愿服务', 4: '主题党日：清明祭扫革命烈士陵园', 7: '主题党日：“七一”重温入党誓词',
};

/** The brands the city survey names, on the branches it names (DESIGN.md). */
export const NAMED_BRANDS = [
  { institutionName: '市人民医院', branchName: '急诊急救党支部', brand: '120救(就)在身边' },
  { institutionName: '市眼科医院', branchName: '手麻科党支部', brand: '一二三工作法' },
  { institutionName: '市第三人民医院', branchName: '第二十党支部', brand: '创优先锋' },
  { institutionName: '市第五人民医院', branchName: '内科第一党支部', brand: '谨“肾”晓“心”医路为民' },
] as const;

/**
 * Where a brand name fits: every field given must hold (deptKind among `kinds`,
 * department matching `dept`, institution name matching `inst`); a name with
 * several fits fits where any of them holds. `'any'` fits every working branch,
 * `'all'` retirees' branches too, `'retired'` only retirees' branches.
 */
export interface BrandFit { kinds?: readonly DeptKind[]; dept?: RegExp; inst?: RegExp }
export type BrandFitRule = 'any' | 'all' | 'retired' | readonly BrandFit[];
export interface BrandName { name: string; fit: BrandFitRule }

const HOSPITAL = /医院|保健院/;
const WARD: DeptKind[] = ['clinical', 'nursing'];
const MEDICAL: DeptKind[] = ['clinical', 'emergency', 'nursing', 'medtech', 'optometry'];
const SURGERY = /外科|骨|手术|麻醉/;
const EYE = [{ inst: /眼科/ }, { dept: /眼|视光|白内障/ }];
const TCM = [{ inst: /中医/, kinds: ['clinical', 'pharmacy'] as DeptKind[] }, { dept: /中医|中药|针灸/ }];
const CHILD = [{ dept: /儿/ }];
const MATERNAL = [{ dept: /产|新生儿/ }];
const HEART = [{ dept: /心血管|急诊|急救|重症/ }];

/** 支部品牌 names with where they fit (the generator picks among the names that fit a branch). */
export const BRAND_NAMES: readonly BrandName[] = [
  { name: '红心守护', fit: 'all' }, { name: '党旗引领 仁心济世', fit: [{ kinds: WARD, inst: HOSPITAL }] },
  { name: '白衣先锋', fit: [{ kinds: MEDICAL }] }, { name: '杏林党旗红', fit: TCM }, { name: '暖心护理', fit: [{ kinds: ['nursing'] }] },
  { name: '守护生命线', fit: [{ kinds: ['emergency', 'blood'] }, { dept: /重症/ }] }, { name: '精医先锋', fit: [{ kinds: ['clinical'], inst: HOSPITAL }] },
  { name: '光明使者', fit: EYE }, { name: '医路先锋', fit: [{ kinds: MEDICAL, inst: HOSPITAL }] },
  { name: '妙手仁心', fit: [{ dept: SURGERY, inst: HOSPITAL }] }, { name: '红色检验', fit: [{ dept: /检验/ }] },
  { name: '药卫先锋', fit: [{ kinds: ['pharmacy'] }] }, { name: '护航健康', fit: 'any' }, { name: '初心守护', fit: 'all' },
  { name: '匠心检验', fit: [{ dept: /检验/ }] }, { name: '心手相连', fit: 'all' },
  { name: '微笑服务 党员先行', fit: [{ kinds: ['nursing', 'optometry'] }, { dept: /门诊/ }] }, { name: '红色引擎', fit: 'any' },
  { name: '健康守门人', fit: [{ kinds: ['public_health'] }] }, { name: '疾控尖兵', fit: [{ inst: /疾病预防控制/, kinds: ['public_health', 'medtech'] }] },
  { name: '血脉相连', fit: [{ kinds: ['blood'] }] }, { name: '执法为民', fit: [{ kinds: ['supervision'] }] },
  { name: '生命绿洲', fit: [{ dept: /重症/ }] }, { name: '母婴守护', fit: MATERNAL }, { name: '童心党建', fit: CHILD },
  { name: '岐黄先锋', fit: [{ inst: /中医/, kinds: ['clinical'] }] }, { name: '针灸传承', fit: [{ dept: /针灸/ }] },
  { name: '清风药事', fit: [{ kinds: ['pharmacy'] }] }, { name: '温馨产房', fit: [{ dept: /产/ }] },
  { name: '影像先锋', fit: [{ dept: /影像/ }] }, { name: '红色后勤 服务临床', fit: [{ kinds: ['logistics'], inst: HOSPITAL }] },
  { name: '机关先锋', fit: [{ kinds: ['admin'] }] }, { name: '廉洁科室', fit: 'any' }, { name: '党员责任区', fit: 'any' },
  { name: '连心桥', fit: 'all' }, { name: '一站式服务零距离', fit: [{ kinds: ['admin', 'logistics'] }, { dept: /门诊/ }] },
  { name: '阳光手术', fit: [{ dept: /外科|手术|麻醉/, inst: HOSPITAL }] }, { name: '精准护理', fit: [{ kinds: ['nursing'] }] },
  { name: '红色脊梁', fit: [{ dept: /骨/ }] }, { name: '急救先锋', fit: [{ kinds: ['emergency'] }] },
  { name: '党建+质控', fit: [{ kinds: MEDICAL }, { kinds: ['pharmacy', 'blood', 'public_health'] }] },
  { name: '先锋护苗', fit: [...CHILD, { dept: /免疫/ }] }, { name: '仁心妙手', fit: [{ dept: SURGERY, inst: HOSPITAL }] },
  { name: '点亮光明', fit: EYE }, { name: '有呼必应', fit: [{ kinds: ['nursing', 'emergency'] }] }, { name: '双培养 双提升', fit: 'any' },
  { name: '红色细胞', fit: 'any' }, { name: '青春先锋', fit: 'any' }, { name: '党员攻坚队', fit: 'any' },
  { name: '守护每一次心跳', fit: HEART }, { name: '党旗飘在病房', fit: [{ kinds: WARD, inst: HOSPITAL }] },
  { name: '幸福产科', fit: [{ dept: /产/ }] }, { name: '党建领航 学科争先', fit: [{ kinds: ['clinical', 'medtech'], inst: HOSPITAL }] },
  { name: '国医传承', fit: [{ inst: /中医/, kinds: ['clinical'] }] }, { name: '本草先锋', fit: [{ dept: /中药/ }] },
  { name: '康复路上 党员同行', fit: [{ dept: /康复/ }] }, { name: '热血传递', fit: [{ kinds: ['blood'] }] },
  { name: '免疫屏障', fit: [{ dept: /免疫/ }] }, { name: '慢病管家', fit: [{ dept: /慢性病/ }] },
  { name: '卫监利剑', fit: [{ kinds: ['supervision'] }] }, { name: '生命接力', fit: [{ kinds: ['emergency', 'blood'] }] },
  { name: '科普先锋', fit: [{ kinds: ['public_health'] }, { dept: /儿童保健/ }] },
];
export const RETIRED_BRAND_NAMES: readonly BrandName[] = ['银发生辉', '夕阳红先锋', '老党员 新风采', '余热生辉', '薪火相传']
  .map((name) => ({ name, fit: 'retired' as const }));

/** Whether a brand name fits a branch of the given department, kind and institution. */
export function brandFits(fit: BrandFitRule, br: { department: string; deptKind: DeptKind; retired: boolean; institutionName: string }): boolean {
  if (fit === 'all') return true;
  if (fit === 'retired') return br.retired;
  if (br.retired) return false;
  if (fit === 'any') return true;
  return fit.some((f) => (!f.kinds || f.kinds.includes(br.deptKind)) && (!f.dept || f.dept.test(br.department))
    && (!f.inst || f.inst.test(br.institutionName)));
}

/** [title, goal, business goal] of a 书记项目. */
export type ProjectTheme = readonly [title: string, goal: string, businessGoal: string];

export const PROJECT_THEMES: readonly ProjectTheme[] = [
  ['党建引领改善患者就医体验', '推出便民服务举措不少于5项', '门诊患者满意度提升至95%以上'],
  ['党员带头提升医疗质量', '牵头开展质量改进项目3项', '降低院内感染发生率'],
  ['“党建+科研”协同创新', '党员牵头申报科研课题2项', '提升学科科研产出'],
  ['红色健康科普行', '开展健康科普讲座12场', '提高群众健康素养水平'],
  ['党员志愿服务进社区', '组织义诊活动10次以上', '服务基层群众健康'],
  ['青年党员“双培养”计划', '结对培养青年骨干5名', '加强人才梯队建设'],
  ['廉洁从业示范科室创建', '开展廉洁教育4次', '医德医风零投诉'],
  ['急危重症救治能力提升', '组织应急演练6次', '提高危重症救治成功率'],
  ['智慧服务便民工程', '上线线上预约及报告查询服务', '缩短患者平均等候时间'],
  ['护理服务品牌提升', '打造优质护理示范病区', '护理满意度提升至98%'],
  ['党建引领基层帮扶', '对口帮扶乡镇卫生院2家', '提升基层医疗服务能力'],
];
export const RETIRED_PROJECT_THEMES: readonly ProjectTheme[] = [
  ['老党员宣讲团', '组织老党员宣讲6场', '传承红色基因'],
  ['银龄志愿服务', '组织老专家义诊4次', '发挥老党员余热'],
];

export const MILESTONE_TITLES = ['制定项目实施方案', '召开项目启动会', '开展专项活动', '完成中期推进评估', '组织阶段成果展示', '总结验收'] as const;

export const VANGUARD_PATTERNS = ['{dept}党员先锋岗', '{dept}党员示范岗', '{dept}党员服务岗', '{dept}党员攻坚岗'] as const;

/** 全面从严治党主体责任清单 (the survey: 委党组责任19项). */
export const RESPONSIBILITY_ITEMS = [
  '制定年度党建工作计划', '定期召开党建工作专题会议', '落实“三会一课”制度', '开展党组织书记抓党建述职评议',
  '落实意识形态工作责任制', '开展廉政风险点排查', '组织党风廉政建设警示教育', '落实“一岗双责”',
  '加强党员教育管理监督', '做好发展党员工作', '推进党支部标准化规范化建设', '开展党支部品牌创建',
  '推进书记项目落实', '开展“我为群众办实事”实践活动', '加强医德医风建设', '落实民主集中制',
  '开展作风纪律专项检查', '加强党务干部队伍建设', '组织开展主题党日活动',
] as const;

export const REVIEW_COMMENTS: Record<ReviewGrade, readonly string[]> = {
  excellent: ['抓党建责任意识强，党建与业务融合成效明显', '班子建设扎实，支部品牌特色鲜明'],
  good: ['党建工作推进有力，个别环节仍需加强', '能够履行第一责任人职责，创新举措还需丰富'],
  fair: ['重业务轻党建问题仍然存在，“三会一课”落实不够规范', '党建工作谋划不足，缺少专职力量'],
  poor: ['主体责任落实不到位，需限期整改'],
};

export const WORKER_POSITIONS = {
  party_committee: ['党委办公室主任', '党委办公室副主任', '组织干事', '宣传干事', '纪检干事'],
  general_branch: ['党总支专职副书记', '党务干事'],
  branch: ['专职党务干事'],
} as const;
