import { INSTITUTION_TYPE_LABELS, ORG_KIND_LABELS } from '@wj/domain/labels';
import { BRANCH_DIMENSIONS, GRADE_LABELS, isProblem, TIER_LABELS } from '@wj/domain/quality';
import { branchRow, unitRow } from '../../modules/quality/views.js';
import type { ReportContext } from '../context.js';
import { sheetHeading, sheetName, UNIT_SHEET, xlsxMeta, type XlsxMeta, type XValue } from './meta.js';

export { UNIT_SHEET };

/** The scores workbook as plain rows, for the render worker (xlsx/render.ts writes it). */
export interface ScoresJob {
  kind: 'scores';
  meta: XlsxMeta;
  summaryHeading: string;
  units: { row: XValue[]; sheet: string; heading: string; branches: XValue[][] }[];
  notes: string[];
}

/**
 * 质量评价得分: a summary sheet of the units (the rows of GET /api/quality/units),
 * then one sheet per unit with its branches (the rows of GET /api/quality/branches):
 * total, the four dimensions, the gap count and each gap's sentence.
 */
export function scoresJob(ctx: ReportContext, title: string): ScoresJob {
  const { ys } = ctx;
  const used = new Set<string>([UNIT_SHEET.toLowerCase(), '说明']);
  const perUnit = new Map<number, typeof ctx.branches>();
  for (const b of ctx.branches) {
    const unitId = ys.orgs.get(b.orgId)!.unitId;
    const list = perUnit.get(unitId) ?? [];
    list.push(b);
    perUnit.set(unitId, list);
  }
  const units = ctx.units.map((u, i) => {
    const row = unitRow(ys, u);
    const kind = ctx.index.byId.get(u.orgId)?.kind;
    const name = sheetName(row.institutionName ?? row.name, used);
    return {
      row: [
        i + 1, row.institutionName ?? row.name, row.name, row.institutionType ? INSTITUTION_TYPE_LABELS[row.institutionType] : null,
        kind ? ORG_KIND_LABELS[kind] : null,
        row.total, GRADE_LABELS[row.grade], row.branchAverage.total, row.responsibility.score, row.branchCount, row.gapCount, row.branchGapCount, row.redCount,
        row.reminderCount, { text: name, hyperlink: `#'${name}'!A1` },
      ],
      sheet: name,
      heading: sheetHeading(ctx, `${row.institutionName ?? row.name}党支部质量评价得分`),
      branches: (perUnit.get(u.orgId) ?? []).map((b, j) => {
        const r = branchRow(ys, b);
        return [
          j + 1, r.name, r.memberCount, r.total, GRADE_LABELS[r.grade],
          ...BRANCH_DIMENSIONS.map((d) => (r.dimensions[d].applicable ? r.dimensions[d].score : null)),
          r.gapCount, r.redCount,
          b.gaps.filter(isProblem).map((g, k) => `${k + 1}. ${g.message}（${TIER_LABELS[g.tier]}）`).join('\n') || null,
          b.gaps.filter((g) => !isProblem(g)).map((g, k) => `${k + 1}. ${g.message}`).join('\n') || null,
        ];
      }),
    };
  });
  return {
    kind: 'scores', meta: xlsxMeta(ctx, title), summaryHeading: sheetHeading(ctx, '各单位质量评价得分'), units,
    notes: ['四个维度中不适用的（该维度无可评价指标）留空。', '问题数不含提醒事项；得满分的支部没有问题，其提醒事项另列。', '单位问题数为单位党组织责任落实方面的问题，支部问题数为所属支部问题数之和。', '综合得分 = 所属支部平均分与单位党组织责任落实得分按评分规则的权重合成。'],
  };
}
