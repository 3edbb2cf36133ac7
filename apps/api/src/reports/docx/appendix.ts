import type { Paragraph, Table } from 'docx';
import { REVIEW_GRADE_LABELS } from '@wj/domain/labels';
import { BRANCH_DIMENSIONS, GRADE_LABELS, gradeOf, isProblem, monthEnd } from '@wj/domain/quality';
import type { ReportContext } from '../context.js';
import { mdCn, num } from '../format.js';
import type { WorkFigures } from '../work-figures.js';
import { caption, h1, table, type Cell, type Column } from './kit.js';

const score = (n: number | null | undefined) => (n === null || n === undefined ? null : num(n));
const DIM_SHORT: Record<(typeof BRANCH_DIMENSIONS)[number], string> = { leadership: '支部班子强', political: '政治功能强', team: '党员队伍强', role: '作用发挥强' };

/** 附表: every branch's score by dimension, the units' 责任落实 indicators, the completed 书记项目. */
export function appendixSection(ctx: ReportContext, w: WorkFigures): (Paragraph | Table)[] {
  const rules = ctx.ys.rules.rules;
  const whole = ctx.target.unitId === null;
  // Landscape (annual.ts): 13 776 twips of text width, so that 序号 and names stay on one line.
  const out: (Paragraph | Table)[] = [h1('附表')];

  out.push(caption('附表1  各党支部质量评价得分'));
  const cols: Column[] = [
    { header: '序号', width: 760, numeric: true },
    ...(whole ? [{ header: '单位', width: 2400 }] : []),
    { header: '党支部', width: whole ? 3300 : 5700 },
    { header: '党员数', width: 800, numeric: true },
    { header: '总分', width: 800, numeric: true },
    ...BRANCH_DIMENSIONS.map((d) => ({ header: DIM_SHORT[d], width: 950, numeric: true })),
    { header: '等次', width: 800, numeric: true },
    { header: '问题数', width: 800, numeric: true },
  ];
  const rows: Cell[][] = ctx.branches.map((b, i) => {
    const o = ctx.ys.orgs.get(b.orgId)!;
    const c = ctx.ys.memberCounts.get(b.orgId) ?? { inService: 0, retired: 0 };
    return [
      i + 1, ...(whole ? [ctx.unitName(o.unitId)] : []), o.name, c.inService + c.retired, num(b.total),
      ...BRANCH_DIMENSIONS.map((d) => (b.dimensions[d].applicable ? num(b.dimensions[d].score) : null)),
      GRADE_LABELS[gradeOf(b.total, rules)], b.gaps.filter(isProblem).length,
    ];
  });
  const gradeAt = cols.length - 2;
  out.push(table(cols, rows, { emphasise: (r) => r[gradeAt] === GRADE_LABELS.poor }));

  out.push(caption('附表2  单位党组织责任落实情况'));
  const planDue = monthEnd(ctx.year, rules.params.planDueMonth);
  const unitRows: Cell[][] = ctx.units.map((u) => {
    const f = ctx.unitFacts.get(u.orgId);
    const plan = f?.plan ? `${mdCn(f.plan.submittedDate)}提交${f.plan.submittedDate > planDue ? '（逾期）' : ''}` : '未提交';
    const workers = f?.partyWorkers.filter((p) => p.fullTime && p.startDate <= ctx.cutoff && (p.endDate === null || p.endDate >= ctx.cutoff)).length ?? 0;
    const items = f ? `${f.responsibilityItems.done}/${f.responsibilityItems.total}` : null;
    return [
      ctx.unitName(u.orgId), num(u.total), score(u.branchAverage.total), num(u.responsibility.score), plan, workers,
      f?.reviewGrade ? REVIEW_GRADE_LABELS[f.reviewGrade] : '未评定', items, u.gaps.filter(isProblem).length,
    ];
  });
  out.push(table([
    { header: '单位', width: 2600 }, { header: '综合得分', width: 1200, numeric: true }, { header: '支部平均分', width: 1300, numeric: true },
    { header: '责任落实得分', width: 1400, numeric: true }, { header: '年度党建工作计划', width: 2000, numeric: true },
    { header: '专职党务干部（名）', width: 1400, numeric: true }, { header: '述职评议等次', width: 1300, numeric: true },
    { header: '主体责任清单（完成/总数）', width: 1500, numeric: true }, { header: '问题数', width: 900, numeric: true },
  ], unitRows));

  // 附表3 only when there is something to list: no placeholder row.
  if (w.projects.results.length) {
    out.push(caption(`附表3  ${ctx.year}年度已完成书记项目及成效`));
    out.push(table(
      [{ header: '序号', width: 760, numeric: true }, { header: '党支部', width: 3300 }, { header: '项目名称', width: 2800 }, { header: '服务的业务目标', width: 2400 }, { header: '成效', width: 4400 }],
      w.projects.results.map((r, i) => [i + 1, r.branch, r.title, r.businessGoal, r.review]),
    ));
  }
  return out;
}
