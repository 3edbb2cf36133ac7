import type { InstitutionType, JobCategory } from '@wj/domain';

/**
 * The commission as the city survey describes it (seeds/000: 8 公立医院 and 4
 * 卫生健康事业单位; 6 基层党委, 3 党总支, 3 支部单位; 144 支部; 3151 党员 of whom
 * 2411 在职 and 740 离退休). The per-unit split is ours; the totals are the survey's.
 */

/** What kind of work a department does — decides the members' job mix. */
export type DeptKind =
  | 'clinical' | 'emergency' | 'nursing' | 'medtech' | 'pharmacy' | 'admin' | 'logistics'
  | 'public_health' | 'blood' | 'supervision' | 'optometry';

export interface BranchSpec {
  name: string;
  department: string;
  deptKind: DeptKind;
  /** Relative size hint: nursing and admin branches tend to be larger. */
  weight?: number;
}

export interface UnitSpec {
  institutionName: string;
  institutionType: InstitutionType;
  kind: 'party_committee' | 'general_branch' | 'branch';
  /** Organisation name pattern; `{inst}` is replaced by the institution name. */
  orgName: string;
  inService: number;
  retired: number;
  /** 离退休党支部 count (units with a sizeable retiree roll get 1–2). */
  retiredBranches: number;
  /** In-service branches; empty for a unit that is itself one branch. */
  branches: BranchSpec[];
  /** Department of a unit-level branch (the whole unit). */
  department?: string;
  deptKind?: DeptKind;
  foundedYear: number;
}

const b = (name: string, department: string, deptKind: DeptKind, weight?: number): BranchSpec =>
  weight === undefined ? { name, department, deptKind } : { name, department, deptKind, weight };

const THIRD_HOSPITAL_DEPTS: [string, DeptKind][] = [
  ['党委办公室', 'admin'], ['院办', 'admin'], ['急诊科', 'emergency'], ['心血管内科', 'clinical'], ['神经内科', 'clinical'],
  ['消化内科', 'clinical'], ['呼吸内科', 'clinical'], ['肿瘤科', 'clinical'], ['普外科', 'clinical'], ['骨科', 'clinical'],
  ['泌尿外科', 'clinical'], ['胸外科', 'clinical'], ['妇产科', 'clinical'], ['儿科', 'clinical'], ['重症医学科', 'clinical'],
  ['医学影像科', 'medtech'], ['检验科', 'medtech'], ['药学部', 'pharmacy'], ['后勤保障部', 'logistics'], ['护理部', 'nursing'],
];
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export const UNIT_SPECS: readonly UnitSpec[] = [
  {
    institutionName: '市人民医院', institutionType: 'hospital', kind: 'party_committee', orgName: '中共{inst}委员会',
    inService: 460, retired: 130, retiredBranches: 2, foundedYear: 1952,
    branches: [
      b('急诊急救党支部', '急诊科', 'emergency'), b('心内科党支部', '心血管内科', 'clinical'), b('神经内科党支部', '神经内科', 'clinical'),
      b('消化内科党支部', '消化内科', 'clinical'), b('呼吸与危重症医学科党支部', '呼吸与危重症医学科', 'clinical'), b('肾内科党支部', '肾内科', 'clinical'),
      b('内分泌科党支部', '内分泌科', 'clinical'), b('普外科党支部', '普外科', 'clinical'), b('骨科党支部', '骨科', 'clinical'),
      b('神经外科党支部', '神经外科', 'clinical'), b('泌尿外科党支部', '泌尿外科', 'clinical'), b('妇产科党支部', '妇产科', 'clinical'),
      b('儿科党支部', '儿科', 'clinical'), b('手麻科党支部', '手术麻醉科', 'clinical'), b('重症医学科党支部', '重症医学科', 'clinical'),
      b('医学影像科党支部', '医学影像科', 'medtech'), b('检验科党支部', '检验科', 'medtech'), b('药学部党支部', '药学部', 'pharmacy'),
      b('护理党支部', '护理部', 'nursing', 1.6), b('机关第一党支部', '党委办公室', 'admin', 1.3), b('机关第二党支部', '院办', 'admin'),
      b('后勤保障党支部', '后勤保障部', 'logistics'),
    ],
  },
  {
    institutionName: '市第二人民医院', institutionType: 'hospital', kind: 'party_committee', orgName: '中共{inst}委员会',
    inService: 340, retired: 105, retiredBranches: 2, foundedYear: 1958,
    branches: [
      b('内科第一党支部', '心血管内科', 'clinical'), b('内科第二党支部', '呼吸内科', 'clinical'), b('内科第三党支部', '消化内科', 'clinical'),
      b('外科第一党支部', '普外科', 'clinical'), b('外科第二党支部', '骨科', 'clinical'), b('外科第三党支部', '泌尿外科', 'clinical'),
      b('妇儿党支部', '妇产科', 'clinical'), b('急诊党支部', '急诊科', 'emergency'), b('重症医学党支部', '重症医学科', 'clinical'),
      b('医技第一党支部', '医学影像科', 'medtech'), b('医技第二党支部', '检验科', 'medtech'), b('药学党支部', '药学部', 'pharmacy'),
      b('护理第一党支部', '护理部', 'nursing', 1.3), b('护理第二党支部', '门诊部', 'nursing', 1.2), b('机关第一党支部', '党委办公室', 'admin'),
      b('机关第二党支部', '院办', 'admin'), b('后勤党支部', '总务科', 'logistics'), b('感染性疾病科党支部', '感染性疾病科', 'clinical', 0.6),
    ],
  },
  {
    // 三院 numbers its branches; the survey names its 第二十党支部 (brand “创优先锋”).
    institutionName: '市第三人民医院', institutionType: 'hospital', kind: 'party_committee', orgName: '中共{inst}委员会',
    inService: 360, retired: 115, retiredBranches: 2, foundedYear: 1960,
    branches: THIRD_HOSPITAL_DEPTS.map(([dept, kind], i) => b(`第${CN_NUMBERS[i]}党支部`, dept, kind)),
  },
  {
    institutionName: '市第四人民医院', institutionType: 'hospital', kind: 'party_committee', orgName: '中共{inst}委员会',
    inService: 240, retired: 85, retiredBranches: 2, foundedYear: 1965,
    branches: [
      b('急诊科党支部', '急诊科', 'emergency'), b('心内科党支部', '心血管内科', 'clinical'), b('神经内科党支部', '神经内科', 'clinical'),
      b('消化内科党支部', '消化内科', 'clinical'), b('内分泌科党支部', '内分泌科', 'clinical'), b('普外科党支部', '普外科', 'clinical'),
      b('骨科党支部', '骨科', 'clinical'), b('妇产科党支部', '妇产科', 'clinical'), b('儿科党支部', '儿科', 'clinical'),
      b('医技党支部', '医学影像科', 'medtech'), b('药剂科党支部', '药剂科', 'pharmacy'), b('护理党支部', '护理部', 'nursing', 1.5),
      b('机关党支部', '党政办公室', 'admin', 1.2), b('后勤党支部', '后勤保障部', 'logistics'),
    ],
  },
  {
    institutionName: '市第五人民医院', institutionType: 'hospital', kind: 'party_committee', orgName: '中共{inst}委员会',
    inService: 300, retired: 100, retiredBranches: 2, foundedYear: 1970,
    branches: [
      b('内科第一党支部', '肾内科', 'clinical'), b('内科第二党支部', '心血管内科', 'clinical'), b('内科第三党支部', '消化内科', 'clinical'),
      b('外科第一党支部', '普外科', 'clinical'), b('外科第二党支部', '骨科', 'clinical'), b('急诊党支部', '急诊科', 'emergency'),
      b('妇产科党支部', '妇产科', 'clinical'), b('儿科党支部', '儿科', 'clinical'), b('重症医学科党支部', '重症医学科', 'clinical'),
      b('医学影像党支部', '医学影像科', 'medtech'), b('检验病理党支部', '检验科', 'medtech'), b('药学党支部', '药学部', 'pharmacy'),
      b('护理第一党支部', '护理部', 'nursing', 1.3), b('护理第二党支部', '门诊部', 'nursing'), b('机关党支部', '党委办公室', 'admin', 1.2),
      b('后勤党支部', '后勤保障部', 'logistics'),
    ],
  },
  {
    institutionName: '市中医医院', institutionType: 'hospital', kind: 'party_committee', orgName: '中共{inst}委员会',
    inService: 220, retired: 70, retiredBranches: 2, foundedYear: 1956,
    branches: [
      b('内科第一党支部', '中医内科', 'clinical'), b('内科第二党支部', '脑病科', 'clinical'), b('外科党支部', '中医外科', 'clinical'),
      b('针灸推拿科党支部', '针灸推拿科', 'clinical'), b('骨伤科党支部', '骨伤科', 'clinical'), b('妇儿科党支部', '中医妇科', 'clinical'),
      b('急诊科党支部', '急诊科', 'emergency'), b('康复科党支部', '康复医学科', 'clinical'), b('医技党支部', '医学影像科', 'medtech'),
      b('中药房党支部', '中药房', 'pharmacy'), b('护理党支部', '护理部', 'nursing', 1.4), b('机关党支部', '党委办公室', 'admin', 1.2),
      b('后勤党支部', '后勤保障部', 'logistics'),
    ],
  },
  {
    institutionName: '市眼科医院', institutionType: 'hospital', kind: 'general_branch', orgName: '中共{inst}总支部委员会',
    inService: 110, retired: 35, retiredBranches: 1, foundedYear: 1985,
    branches: [
      b('白内障科党支部', '白内障科', 'clinical'), b('眼底病科党支部', '眼底病科', 'clinical'), b('青光眼科党支部', '青光眼科', 'clinical'),
      b('手麻科党支部', '手术麻醉科', 'clinical'), b('视光中心党支部', '视光中心', 'optometry'), b('护理党支部', '护理部', 'nursing', 1.3),
      b('机关后勤党支部', '综合办公室', 'admin'),
    ],
  },
  {
    institutionName: '市妇幼保健院', institutionType: 'hospital', kind: 'general_branch', orgName: '中共{inst}总支部委员会',
    inService: 130, retired: 40, retiredBranches: 1, foundedYear: 1978,
    branches: [
      b('妇科党支部', '妇科', 'clinical'), b('产科党支部', '产科', 'clinical'), b('儿科党支部', '儿科', 'clinical'),
      b('新生儿科党支部', '新生儿科', 'clinical'), b('儿童保健科党支部', '儿童保健科', 'clinical'), b('医技党支部', '医学检验科', 'medtech'),
      b('护理党支部', '护理部', 'nursing', 1.3), b('机关后勤党支部', '综合办公室', 'admin'),
    ],
  },
  {
    institutionName: '市疾病预防控制中心', institutionType: 'health_institution', kind: 'general_branch', orgName: '中共{inst}总支部委员会',
    inService: 160, retired: 45, retiredBranches: 1, foundedYear: 1953,
    branches: [
      b('机关党支部', '综合办公室', 'admin'), b('传染病防制所党支部', '传染病防制所', 'public_health'),
      b('慢性病防制所党支部', '慢性病防制所', 'public_health'), b('免疫规划所党支部', '免疫规划所', 'public_health'),
      b('检验检测中心党支部', '检验检测中心', 'medtech', 1.3), b('环境与职业卫生所党支部', '环境与职业卫生所', 'public_health'),
      b('健康教育所党支部', '健康教育所', 'public_health'), b('后勤党支部', '后勤服务科', 'logistics'),
    ],
  },
  {
    institutionName: '市急救中心', institutionType: 'health_institution', kind: 'branch', orgName: '中共{inst}支部委员会',
    inService: 36, retired: 6, retiredBranches: 0, foundedYear: 1988, branches: [], department: '院前急救科', deptKind: 'emergency',
  },
  {
    institutionName: '市中心血站', institutionType: 'health_institution', kind: 'branch', orgName: '中共{inst}支部委员会',
    inService: 25, retired: 4, retiredBranches: 0, foundedYear: 1990, branches: [], department: '采供血科', deptKind: 'blood',
  },
  {
    institutionName: '市卫生健康综合监督执法支队', institutionType: 'health_institution', kind: 'branch', orgName: '中共{inst}支部委员会',
    inService: 30, retired: 5, retiredBranches: 0, foundedYear: 2002, branches: [], department: '监督执法科', deptKind: 'supervision',
  },
];

/** Who works in a department: job categories with weights. */
export const JOB_MIX: Record<DeptKind, readonly (readonly [JobCategory, number])[]> = {
  clinical: [['doctor', 52], ['nurse', 42], ['technician', 6]],
  emergency: [['doctor', 48], ['nurse', 42], ['logistics', 6], ['management', 4]],
  nursing: [['nurse', 94], ['management', 6]],
  medtech: [['technician', 78], ['doctor', 17], ['nurse', 5]],
  pharmacy: [['pharmacist', 90], ['technician', 10]],
  admin: [['management', 88], ['logistics', 6], ['doctor', 6]],
  logistics: [['logistics', 78], ['management', 22]],
  public_health: [['doctor', 40], ['technician', 40], ['management', 20]],
  blood: [['technician', 50], ['nurse', 30], ['doctor', 10], ['management', 10]],
  supervision: [['management', 75], ['doctor', 25]],
  optometry: [['technician', 60], ['doctor', 30], ['nurse', 10]],
};
