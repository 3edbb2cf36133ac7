import { describe, test } from 'vitest';
import type { BranchFacts, ProjectFact } from '../../src/quality/facts.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { expectRow, table, type Row } from './harness.js';

/** 作用发挥强 — survey practice: 品牌, 书记项目, 先锋岗. Sound project milestones fall due 31 Mar/30 Jun/30 Sep/31 Dec. */
const P = DEFAULT_RULES.params;
const project = (f: BranchFacts): ProjectFact => f.projects[0]!;
/** Milestones (1-based) left undone. */
const undone = (...which: number[]) => (f: BranchFacts) => {
  project(f).milestones.forEach((m, i) => { if (which.includes(i + 1)) m.doneDate = null; });
};
const progress = (pct: number) => (f: BranchFacts) => { project(f).progress = pct; };
const both = (...fs: ((f: BranchFacts) => void)[]) => (f: BranchFacts) => fs.forEach((fn) => fn(f));

describe('brand — 品牌是实践而非规定：缺失为黄色', () => {
  const rows: Row[] = [
    { name: '有在用品牌', status: 'met', severity: null },
    { name: '没有品牌', mutate: (f) => { f.brands = []; }, status: 'unmet', severity: 'amber', message: '支部尚未创建特色党建品牌' },
    { name: '品牌已停用', mutate: (f) => { f.brands[0]!.active = false; }, status: 'unmet', severity: 'amber' },
    { name: '品牌次年才创建', mutate: (f) => { f.brands[0]!.createdYear = 2027; }, status: 'unmet', severity: 'amber' },
  ];
  test.each(table('brand', rows))('%s', (_, row) => expectRow('brand', row));
});

describe(`secretary_project — 书记项目按节点推进：逾期2个或进度落后${P.projectLagMax}个百分点为红色，逾期1个为黄色`, () => {
  const rows: Row[] = [
    { name: '节点均按期完成', status: 'met', severity: null },
    { name: '未确定项目', mutate: (f) => { f.projects = []; }, status: 'unmet', severity: 'red', message: '2026年未确定书记项目' },
    { name: '只有往年项目', mutate: (f) => { project(f).year = 2025; }, status: 'unmet', severity: 'red', message: '2026年未确定书记项目' },
    { name: '项目已终止', mutate: (f) => { project(f).status = 'abandoned'; }, status: 'unmet', severity: 'red', message: '2026年书记项目已终止，未确定新的书记项目' },
    { name: `${P.annualSetupDueMonth}月30日前未确定：不考核`, mutate: (f) => { f.projects = []; }, asOf: '2026-03-30', status: 'na', severity: null },
    { name: `${P.annualSetupDueMonth}月31日未确定：红色`, mutate: (f) => { f.projects = []; }, asOf: '2026-03-31', status: 'unmet', severity: 'red' },
    {
      name: '1个节点逾期', mutate: undone(2), status: 'partial', severity: 'amber', credit: 0.5,
      message: '书记项目“胸痛中心救治提速”节点“第2阶段”已逾期（应于2026年6月30日完成）',
    },
    {
      name: '2个节点逾期', mutate: undone(2, 3), status: 'unmet', severity: 'red',
      message: '书记项目“胸痛中心救治提速”有2个节点逾期未完成（“第2阶段”应于2026年6月30日完成）',
    },
    { name: '未到期的节点未完成不算逾期', mutate: undone(3, 4), asOf: '2026-07-15', status: 'met', severity: null },
    { name: '节点晚完成但已完成', mutate: (f) => { project(f).milestones[1]!.doneDate = '2026-07-20'; }, status: 'met', severity: null },
    // All four due by 31 Dec → planned 100%.
    { name: `进度${100 - P.projectLagMax + 1}%：落后${P.projectLagMax - 1}点`, mutate: progress(100 - P.projectLagMax + 1), status: 'met', severity: null },
    {
      name: `进度${100 - P.projectLagMax}%：落后${P.projectLagMax}点`, mutate: progress(100 - P.projectLagMax), status: 'unmet', severity: 'red',
      message: `书记项目“胸痛中心救治提速”进度${100 - P.projectLagMax}%，落后于计划进度100%`,
    },
    // Two of four due by 30 June → planned 50%.
    { name: '6月30日进度20%', mutate: progress(20), asOf: '2026-06-30', status: 'unmet', severity: 'red' },
    { name: '6月30日进度21%', mutate: progress(21), asOf: '2026-06-30', status: 'met', severity: null },
    { name: '已完成的项目不看节点', mutate: both(undone(1, 2, 3, 4), progress(10), (f) => { project(f).status = 'completed'; }), status: 'met', severity: null },
    {
      name: '两个项目按较好的一个', status: 'met', severity: null,
      mutate: (f) => { f.projects.unshift({ year: 2026, title: '滞后项目', status: 'in_progress', progress: 0, milestones: [] }); },
    },
  ];
  test.each(table('secretary_project', rows))('%s', (_, row) => expectRow('secretary_project', row));
});

describe('vanguard_post — 先锋岗是实践：缺失为黄色', () => {
  const rows: Row[] = [
    { name: '设有先锋岗', status: 'met', severity: null },
    { name: '没有先锋岗', mutate: (f) => { f.vanguardPosts = []; }, status: 'unmet', severity: 'amber', message: '2026年未设立党员先锋岗' },
    { name: '只有往年的', mutate: (f) => { f.vanguardPosts[0]!.year = 2025; }, status: 'unmet', severity: 'amber' },
    { name: '0人的先锋岗不算', mutate: (f) => { f.vanguardPosts[0]!.memberCount = 0; }, status: 'unmet', severity: 'amber' },
    { name: '确定期限前不考核', mutate: (f) => { f.vanguardPosts = []; }, asOf: '2026-02-15', status: 'na', severity: null },
  ];
  test.each(table('vanguard_post', rows))('%s', (_, row) => expectRow('vanguard_post', row));
});
