/** The exports the 报告 page offers, in the order shown. */
export interface ReportFile {
  key: 'annual' | 'scores' | 'gaps' | 'org-life' | 'roster';
  path: string;
  title: string;
  description: string;
  format: 'Word' | 'Excel';
  /** The roster is the same whatever the year. */
  yearly: boolean;
}

export const REPORT_FILES: readonly ReportFile[] = [
  { key: 'annual', path: '/reports/annual.docx', title: '年度基层党组织建设质量报告', format: 'Word', yearly: true,
    description: '基本情况、工作成效、存在问题、对策建议及附表，含得分分布和排名图' },
  { key: 'scores', path: '/reports/scores.xlsx', title: '质量评价得分', format: 'Excel', yearly: true,
    description: '各单位汇总，每个单位一张工作表列出所属支部的总分、四个维度得分和问题' },
  { key: 'gaps', path: '/reports/gaps.xlsx', title: '问题清单', format: 'Excel', yearly: true,
    description: '每类问题涉及的支部（单位）数，以及每个组织的具体问题' },
  { key: 'org-life', path: '/reports/org-life.xlsx', title: '组织生活落实情况', format: 'Excel', yearly: true,
    description: '各支部“三会一课”等组织生活应开、实开和按期召开次数' },
  { key: 'roster', path: '/reports/roster.xlsx', title: '党员名册', format: 'Excel', yearly: false,
    description: '在册党员名册（管理员以外的账号导出时身份证号码、电话脱敏）' },
];
