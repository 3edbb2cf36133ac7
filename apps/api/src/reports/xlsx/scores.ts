import { INSTITUTION_TYPE_LABELS, ORG_KIND_LABELS } from '@wj/domain/labels';
import { BRANCH_DIMENSIONS, DIMENSION_LABELS, GRADE_LABELS, isProblem, TIER_LABELS } from '@wj/domain/quality';
import { branchRow, unitRow } from '../../modules/quality/views.js';
import type { ReportContext } from '../context.js';
import { aboutSheet, newWorkbook, SCORE_FMT, sheetHeading, sheetName, tableSheet, toBuffer, type XColumn } from './kit.js';

export const UNIT_SHEET = '各单位汇总';

const DIMENSION_COLUMNS: XColumn[] = BRANCH_DIMENSIONS.map((d) => ({ header: DIMENSION_LABELS[d], width: 11, numFmt: SCORE_FMT }));

/**
 * 质量评价得分: a summary sheet of the units (the rows of GET /api/quality/units),
 * then one sheet per unit with its branches (the rows of GET /api/quality/branches):
 * total, the four dimensions, the gap count and each gap's sentence.
 */
export async function scoresWorkbook(ctx: ReportContext, title: string): Promise<Buffer> {
  const { ys } = ctx;
  const wb = newWorkbook(title);
  const used = new Set<string>([UNIT_SHEET.toLowerCase(), '说明']);

  const summary = tableSheet(wb, UNIT_SHEET, [
    { header: '序号', width: 6 }, { header: '单位', width: 24 }, { header: '党组织', width: 34 }, { header: '单位类型', width: 16 },
    { header: '党组织类型', width: 10 }, { header: '综合得分', width: 10, numFmt: SCORE_FMT }, { header: '等次', width: 8 },
    { header: '支部平均分', width: 11, numFmt: SCORE_FMT }, { header: '责任落实得分', width: 12, numFmt: SCORE_FMT },
    { header: '支部数', width: 8 }, { header: '单位问题数', width: 10 }, { header: '支部问题数', width: 10 }, { header: '红色问题数', width: 11 },
    { header: '提醒事项数', width: 10 }, { header: '明细工作表', width: 24 },
  ], 2, sheetHeading(ctx, '各单位质量评价得分'));

  const perUnit = new Map<number, typeof ctx.branches>();
  for (const b of ctx.branches) {
    const unitId = ys.orgs.get(b.orgId)!.unitId;
    const list = perUnit.get(unitId) ?? [];
    list.push(b);
    perUnit.set(unitId, list);
  }

  ctx.units.forEach((u, i) => {
    const row = unitRow(ys, u);
    const kind = ctx.index.byId.get(u.orgId)?.kind;
    const name = sheetName(row.institutionName ?? row.name, used);
    summary.addRow([
      i + 1, row.institutionName ?? row.name, row.name, row.institutionType ? INSTITUTION_TYPE_LABELS[row.institutionType] : null,
      kind ? ORG_KIND_LABELS[kind] : null,
      row.total, GRADE_LABELS[row.grade], row.branchAverage.total, row.responsibility.score, row.branchCount, row.gapCount, row.branchGapCount, row.redCount,
      row.reminderCount, { text: name, hyperlink: `#'${name}'!A1` },
    ]);

    const ws = tableSheet(wb, name, [
      { header: '序号', width: 6 }, { header: '党支部', width: 30 }, { header: '党员数', width: 8 },
      { header: '总分', width: 8, numFmt: SCORE_FMT }, { header: '等次', width: 8 }, ...DIMENSION_COLUMNS,
      { header: '问题数', width: 8 }, { header: '红色问题数', width: 11 }, { header: '问题', width: 90, wrap: true }, { header: '提醒事项', width: 50, wrap: true },
    ], 2, sheetHeading(ctx, `${row.institutionName ?? row.name}党支部质量评价得分`));
    (perUnit.get(u.orgId) ?? []).forEach((b, j) => {
      const r = branchRow(ys, b);
      ws.addRow([
        j + 1, r.name, r.memberCount, r.total, GRADE_LABELS[r.grade],
        ...BRANCH_DIMENSIONS.map((d) => (r.dimensions[d].applicable ? r.dimensions[d].score : null)),
        r.gapCount, r.redCount,
        b.gaps.filter(isProblem).map((g, k) => `${k + 1}. ${g.message}（${TIER_LABELS[g.tier]}）`).join('\n') || null,
        b.gaps.filter((g) => !isProblem(g)).map((g, k) => `${k + 1}. ${g.message}`).join('\n') || null,
      ]);
    });
  });
  aboutSheet(wb, ctx, ['四个维度中不适用的（该维度无可评价指标）留空。', '问题数不含提醒事项；得满分的支部没有问题，其提醒事项另列。', '单位问题数为单位党组织责任落实方面的问题，支部问题数为所属支部问题数之和。', '综合得分 = 所属支部平均分与单位党组织责任落实得分按评分规则的权重合成。']);
  return toBuffer(wb);
}
