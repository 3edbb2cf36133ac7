import { fail, met, na, retiredExempt, type BranchContext } from './context.js';
import { fmtYmd, monthEnd } from './dates.js';
import type { ProjectFact } from './facts.js';
import { endedMonths } from './periods.js';
import type { Outcome } from './types.js';

/**
 * 作用发挥强: survey practice rather than regulation — 支部品牌 (调研报告“50余个
 * 特色支部品牌”), 书记项目 and 党员先锋岗 (座谈会讲话). A missing brand or post is
 * therefore amber, not red. A 书记项目 is the year's commitment with dated
 * milestones, so one that is missing or badly behind is red.
 */
type Check = (ctx: BranchContext) => Outcome;

const brand: Check = (ctx) => {
  const { facts, year } = ctx;
  if (retiredExempt(ctx, 'brand')) return na('离退休党支部不考核支部品牌（评分规则设置）');
  const active = facts.brands.filter((b) => b.active && b.createdYear <= year);
  if (active.length) return met(`支部品牌：${active.map((b) => `“${b.name}”`).join('、')}`);
  return fail('amber', '支部尚未创建特色党建品牌');
};

/** In the current year, the year's project and posts are only expected once the setup month is over. */
function beforeSetup({ p, year, cutoff }: BranchContext): boolean {
  return cutoff < monthEnd(year, p.annualSetupDueMonth);
}

function judgeProject(ctx: BranchContext, x: ProjectFact): Outcome {
  const { cutoff, p, year, asOf, founded } = ctx;
  const name = `书记项目“${x.title}”`;
  if (x.status === 'completed') return met(`${name}已完成`);
  const isDone = (m: ProjectFact['milestones'][number]) => m.doneDate !== null && m.doneDate <= cutoff;
  const due = x.milestones.filter((m) => m.dueDate <= cutoff).sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const overdue = due.filter((m) => !isDone(m));
  // Planned progress: share of milestones due by now, or of the year elapsed when there are none.
  const expected = x.milestones.length ? (100 * due.length) / x.milestones.length : (100 * endedMonths(year, asOf, founded)) / 12;
  const first = overdue[0];
  if (overdue.length >= 2 && first) {
    return fail('red', `${name}有${overdue.length}个节点逾期未完成（“${first.title}”应于${fmtYmd(first.dueDate)}完成）`);
  }
  if (expected - x.progress >= p.projectLagMax) {
    return fail('red', `${name}进度${x.progress}%，落后于计划进度${Math.round(expected)}%`);
  }
  if (first) return fail('amber', `${name}节点“${first.title}”已逾期（应于${fmtYmd(first.dueDate)}完成）`, 0.5);
  return met(`${name}按计划推进（进度${x.progress}%）`);
}

const secretaryProject: Check = (ctx) => {
  const { facts, year, p } = ctx;
  if (retiredExempt(ctx, 'secretary_project')) return na('离退休党支部不考核书记项目（评分规则设置）');
  const ofYear = facts.projects.filter((x) => x.year === year);
  const live = ofYear.filter((x) => x.status !== 'abandoned');
  if (live.length === 0) {
    if (beforeSetup(ctx)) return na(`${year}年书记项目应于${p.annualSetupDueMonth}月底前确定`);
    return fail('red', ofYear.length ? `${year}年书记项目已终止，未确定新的书记项目` : `${year}年未确定书记项目`, 0, 'missing');
  }
  // Several projects: the branch is judged on its best one.
  const results = live.map((x) => judgeProject(ctx, x));
  return results.reduce((best, r) => (r.credit > best.credit || (r.credit === best.credit && !r.gap && best.gap) ? r : best));
};

const vanguardPost: Check = (ctx) => {
  const { facts, year, p } = ctx;
  if (retiredExempt(ctx, 'vanguard_post')) return na('离退休党支部不考核党员先锋岗（评分规则设置）');
  const posts = facts.vanguardPosts.filter((v) => v.year === year && v.memberCount > 0);
  if (posts.length) {
    const covered = posts.reduce((s, v) => s + v.memberCount, 0);
    return met(`${year}年设立党员先锋岗${posts.length}个，覆盖党员${covered}名`);
  }
  if (beforeSetup(ctx)) return na(`${year}年党员先锋岗应于${p.annualSetupDueMonth}月底前设立`);
  return fail('amber', `${year}年未设立党员先锋岗`);
};

export const ROLE_CHECKS = {
  brand,
  secretary_project: secretaryProject,
  vanguard_post: vanguardPost,
} satisfies Record<string, Check>;
