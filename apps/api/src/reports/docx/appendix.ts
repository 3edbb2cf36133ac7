import { REVIEW_GRADE_LABELS } from '@wj/domain/labels';
import { BRANCH_DIMENSIONS, GRADE_LABELS, gradeOf, isProblem, monthEnd } from '@wj/domain/quality';
import type { ReportContext } from '../context.js';
import { mdCn, num } from '../format.js';
import type { WorkFigures } from '../work-figures.js';
import { caption, h1, table, type Cell, type Column, type Paragraph, type Table } from './kit.js';

const score = (n: number | null | undefined) => (n === null || n === undefined ? null : num(n));
const DIM_SHORT: Record<(typeof BRANCH_DIMENSIONS)[number], string> = {
  leadership: '支部\n班子强', political: '政治\n功能强', team: '党员\n队伍强', role: '作用\n发挥强',
};

// GB/T 9704-2012 5.2.1's side margins; 25 mm top and 20 mm bottom, so a landscape page holds more rows.
export const APPENDIX_MARGINS = { top: 1418, bottom: 1134, left: 1588, right: 1474, footer: 567 };
/** Text width of the landscape A4 附表 pages in twips (297 mm less the side margins). */
const APPENDIX_WIDTH = 16838 - APPENDIX_MARGINS.left - APPENDIX_MARGINS.right;

/** 附表: every branch's score by dimension, the units' 责任落实 indicators, the completed 书记项目. */
export function appendixSection(ctx: ReportContext, w: WorkFigures): (Paragraph | Table)[] {
  const rules = ctx.ys.rules.rules;
  const whole = ctx.target.unitId === null;
  const out: (Paragraph | Table)[] = [h1('附表')];

  out.push(caption('附表1  各党支部质量评价得分'));
  const cols: Column[] = [
    { header: '序号', numeric: true },
    ...(whole ? [{ header: '单位' }] : []),
    { header: '党支部' },
    { header: '党员数', numeric: true },
    { header: '总分', numeric: true },
    ...BRANCH_DIMENSIONS.map((d) => ({ header: DIM_SHORT[d], numeric: true })),
    { header: '等次', numeric: true },
    { header: '问题数', numeric: true },
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
  out.push(table(cols, rows, { emphasise: (r) => r[gradeAt] === GRADE_LABELS.poor, fit: APPENDIX_WIDTH }));

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
    { header: '单位' }, { header: '综合\n得分', numeric: true }, { header: '支部\n平均分', numeric: true },
    { header: '责任落实\n得分', numeric: true }, { header: '年度党建\n工作计划', numeric: true },
    { header: '专职党务\n干部（名）', numeric: true }, { header: '述职评议\n等次', numeric: true },
    { header: '主体责任清单\n（完成/总数）', numeric: true }, { header: '问题数', numeric: true },
  ], unitRows, { fit: APPENDIX_WIDTH }));

  // 附表3 only when there is something to list: no placeholder row.
  if (w.projects.results.length) {
    out.push(caption(`附表3  ${ctx.year}年度已完成书记项目及成效`));
    out.push(table(
      [{ header: '序号', numeric: true }, { header: '党支部' }, { header: '项目名称', wrap: true }, { header: '服务的业务目标', wrap: true }, { header: '成效', wrap: true }],
      w.projects.results.map((r, i) => [i + 1, r.branch, r.title, r.businessGoal, r.review]),
      { fit: APPENDIX_WIDTH },
    ));
  }
  return out;
}
