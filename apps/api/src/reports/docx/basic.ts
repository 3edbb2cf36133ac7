import { ORG_KIND_LABELS } from '@wj/domain/labels';
import { DIMENSION_LABELS, BRANCH_DIMENSIONS, gradeOf } from '@wj/domain/quality';
import { summaryFrom } from '../../modules/quality/years-summary.js';
import type { BasicFigures } from '../basic-figures.js';
import { distributionChart, RANKING_MAX, rankingChart } from '../charts.js';
import type { ReportContext } from '../context.js';
import { mdCn, num, pct } from '../format.js';
import type { DraftWriter } from '../draft.js';
import { caption, h1, image, type Paragraph } from './kit.js';

/** 一、基本情况: organisation, membership, branch committees, and the year's scores in two charts. */
export async function basicSection(ctx: ReportContext, f: BasicFigures, draft: DraftWriter): Promise<Paragraph[]> {
  const { target, dash } = ctx;
  const rules = ctx.ys.rules.rules;
  const out: Paragraph[] = [h1('一、基本情况')];
  draft.part();

  out.push(draft.h2('（一）组织设置'));
  const cats = f.branchCategories;
  const catText = [
    cats.inService && `在职党支部${cats.inService}个`, cats.retired && `离退休党支部${cats.retired}个`, cats.mixed && `在职与离退休混合党支部${cats.mixed}个`,
  ].filter(Boolean).join('、');
  const inner = f.innerGeneralBranches ? `党总支${f.innerGeneralBranches}个、` : '';
  if (f.units) {
    const u = f.units;
    out.push(...draft.para('basic', 'basic.org',
      `${target.orgName}管理所属${u.total}家单位，其中公立医院${u.hospitals}家，卫生健康事业单位${u.institutions}家；按党组织类型分，`
      + `基层党委${u.partyCommittees}家，党总支${u.generalBranches}家，支部单位${u.branchUnits}家。`
      + `全委共有${inner}党支部${f.branches}个（${catText}）${f.partyGroups ? `，党小组${f.partyGroups}个` : ''}。`,
    ));
  } else {
    out.push(...draft.para('basic', 'basic.org',
      `${target.orgName}是${target.institutionName ?? ''}的基层${ORG_KIND_LABELS[target.kind]}，`
      + `${target.kind === 'branch' ? '以支部形式设置' : `下设${inner}党支部${f.branches}个（${catText}）`}${f.partyGroups ? `，党小组${f.partyGroups}个` : ''}。`,
    ));
  }

  out.push(draft.h2('（二）党员队伍'));
  out.push(...draft.para('basic', 'basic.members',
    `共有党员${f.members}名，其中在职党员${f.inService}名、离退休党员${f.retired}名，在职党员占${pct(f.inService, f.members)}；`
    + `预备党员${f.probationary}名；高层次人才党员${f.talents}名`
    + [f.floating && `流动党员${f.floating}名`, f.lostContact && `失联党员${f.lostContact}名`,
      f.notNormal.suspended && `停止党籍${f.notNormal.suspended}名`, f.notNormal.probation && `留党察看${f.notNormal.probation}名`]
      .filter(Boolean).map((t) => `；${t}`).join('') + '。',
  ));

  out.push(draft.h2('（三）支部班子'));
  const c = f.committee;
  const [a1, a2, a3, a4] = c.ages;
  out.push(...draft.para('basic', 'basic.committee',
    `${c.withCommittee}个党支部选举产生了支部委员会（或支部书记），班子成员共${c.seats}名`
    + `${c.averageAge === null ? '' : `，平均年龄${num(c.averageAge)}岁`}。从年龄结构看，35岁及以下${a1}名、36至45岁${a2}名、46至55岁${a3}名、56岁及以上${a4}名，`
    + `46岁及以上的占${pct(a3 + a4, c.seats)}；从职称结构看，正高级${c.titles.senior}名、副高级${c.titles.deputySenior}名、中级${c.titles.intermediate}名、`
    + `初级及以下${c.titles.juniorOrNone}名，副高级以上的占${pct(c.titles.senior + c.titles.deputySenior, c.seats)}。`
    + `支部书记${c.secretaries}名，${c.fullTimeSecretaries ? `其中专职书记${c.fullTimeSecretaries}名` : '均为兼职'}；`
    + (c.dualJudged === 0 ? '“双带头人”不作认定。' : `${c.dualJudged === c.secretaries ? '' : '在职'}党支部书记${c.dualJudged}名中，“双带头人”${c.dualLeaders}名，占${pct(c.dualLeaders, c.dualJudged)}`
      + `${c.dualJudged === c.secretaries ? '' : `（离退休党支部书记${c.secretaries - c.dualJudged}名不作认定）`}。`),
  ));

  out.push(draft.h2('（四）质量评价总体情况'));
  const dims = BRANCH_DIMENSIONS.map((d) => `${DIMENSION_LABELS[d]}${dash.dimensionAverages[d] === null ? '—' : `${num(dash.dimensionAverages[d]!)}分`}`).join('、');
  out.push(...draft.para('basic', 'basic.score',
    `按照“四强支部”质量评价标准，截至${ctx.year}年${mdCn(ctx.cutoff)}，${dash.counts.branches}个党支部`
    + `平均得分${dash.averageScore === null ? '—' : num(dash.averageScore)}分，其中优良（${rules.goodLine}分及以上）${dash.grades.good}个、`
    + `合格${dash.grades.fair}个、不合格（低于${rules.passLine}分）${dash.grades.poor}个。四个维度平均得分为：${dims}。`,
  ));
  const yoy = yearOnYear(ctx);
  if (yoy) out.push(...draft.para('basic', 'basic.yoy', yoy));
  // The charts' options only: they are drawn in the render worker.
  const dist = distributionChart(dash.distribution, rules.passLine);
  const ranking = target.unitId === null
    ? rankingChart(dash.unitRanking.map((u) => ({ name: u.institutionName ?? u.name, total: u.total })), rules.passLine)
    : rankingChart(ctx.branches.map((b) => ({ name: ctx.ys.orgs.get(b.orgId)?.name ?? '', total: b.total })), rules.passLine);
  out.push(image(dist), caption('图1  党支部质量评价得分分布'));

  const unitRows = dash.unitRanking;
  if (target.unitId === null && unitRows.length > 0) {
    const best = unitRows[0]!;
    const worst = unitRows[unitRows.length - 1]!;
    const poor = unitRows.filter((u) => gradeOf(u.total, rules) === 'poor').length;
    out.push(...draft.para('basic', 'basic.units',
      `各单位综合得分（所属支部平均分占${100 - rules.responsibilityWeight}%，单位党组织责任落实占${rules.responsibilityWeight}%）中，`
      + `${best.institutionName ?? best.name}最高（${num(best.total)}分），${worst.institutionName ?? worst.name}最低（${num(worst.total)}分）`
      + `${poor ? `，${poor}家单位低于合格线` : '，各单位均达到合格线'}。`,
    ));
    out.push(image(ranking), caption(`图2  各单位综合得分${unitRows.length > RANKING_MAX ? `（最高和最低的各${RANKING_MAX / 2}家）` : ''}`));
  } else if (target.unitId !== null) {
    const unit = ctx.units[0];
    if (unit) {
      out.push(...draft.para('basic', 'basic.units',
        `本单位综合得分${num(unit.total)}分，其中所属支部平均得分${unit.branchAverage.total === null ? '—' : num(unit.branchAverage.total)}分，`
        + `单位党组织责任落实得分${num(unit.responsibility.score)}分。`,
      ));
    }
    out.push(image(ranking), caption(`图2  各党支部质量评价得分${ctx.branches.length > RANKING_MAX ? `（最高和最低的各${RANKING_MAX / 2}个）` : ''}`));
  }
  out.push(...draft.added('basic'));
  return out;
}

/**
 * 同比: the year against the one before, in the same scope — average score,
 * grade counts and the problems found (reminders left out) — every figure
 * printed with its previous value, so a reader can check the change. Both
 * years' figures are the 历年对比 summary (modules/quality/years-summary.ts)
 * the dashboard's years table shows; nothing is said when the year before has no data.
 */
export function yearOnYear(ctx: ReportContext): string | null {
  const prev = ctx.previous;
  if (!prev || prev.branches.length === 0 || ctx.branches.length === 0) return null;
  const rules = ctx.ys.rules.rules;
  const s1 = summaryFrom({
    year: ctx.year, asOf: ctx.cutoff, ruleVersion: ctx.ys.rules.version, branches: ctx.branches, lines: ctx.gaps,
    passLine: rules.passLine, goodLine: rules.goodLine,
  });
  const s0 = summaryFrom({
    year: prev.year, asOf: `${prev.year}-12-31`, ruleVersion: null, branches: prev.branches, lines: prev.gaps,
    passLine: prev.passLine, goodLine: prev.goodLine,
  });
  const now = s1.averageScore!;
  const then = s0.averageScore!;
  // The change is that of the printed (rounded) figures, so the reader's subtraction agrees.
  const delta = Math.round(now * 10 - then * 10) / 10;
  const change = (what: string, a: number, b: number) => (a === b ? `${what}均为${b}个` : `${what}由${a}个变为${b}个`);
  const kinds = (s: typeof s1) => s.tiers.regulation.kinds + s.tiers.commission.kinds;
  const found = (s: typeof s1) => `${kinds(s)}类（其中涉及违反党内法规制度的${s.tiers.regulation.kinds}类）、涉及${s.branchesWithProblems}个支部`;
  const score = delta === 0
    ? `党支部平均得分持平，为${num(now)}分`
    : `党支部平均得分由${num(then)}分${delta > 0 ? '提高' : '下降'}到${num(now)}分（${delta > 0 ? '+' : '−'}${num(Math.abs(delta))}分）`;
  return `与${prev.year}年相比，${score}；`
    + `${change('优良等次支部', s0.grades.good, s1.grades.good)}，${change('不合格支部', s0.grades.poor, s1.grades.poor)}；`
    + `发现的问题由${found(s0)}，变为${found(s1)}。`
    + `${ctx.cutoff < `${ctx.year}-12-31` ? `${ctx.year}年为截至${mdCn(ctx.cutoff)}的序时情况，${prev.year}年为全年情况。` : ''}`;
}
