import { DIMENSION_LABELS, INDICATOR_BY_CODE, TIER_LABELS, type Dimension, type IndicatorCode } from '@wj/domain/quality';
import type { GapLine } from '@wj/domain/schemas';
import type { ReportContext } from '../context.js';
import { sheetHeading, xlsxMeta, type XlsxMeta, type XValue } from './meta.js';

/** Colour only: whether a line breaks 党内法规 is its 性质 (tier), never its colour. */
const SEVERITY = { red: '红色', amber: '黄色' } as const;
const LEVEL = { branch: '党支部', unit: '单位党组织' } as const;

/** The problem as a problem, without the count: “未按期换届”, “逾期提交年度党建工作计划”. */
export function problemName(g: Pick<GapLine, 'text' | 'count'>): string {
  return g.text.slice(String(g.count).length).replace(/^(个支部|家单位)/, '');
}

/** The gap catalogue as plain rows, for the render worker (xlsx/render.ts writes it). */
export interface GapsJob { kind: 'gaps'; meta: XlsxMeta; summaryHeading: string; detailHeading: string; summary: XValue[][]; detail: XValue[][]; notes: string[] }

/**
 * 问题清单: the gap catalogue of GET /api/quality/gaps — one row per line with
 * its 性质 (党内法规 / 本委工作要求 / 提醒), count, source and recommendation,
 * then one row per organisation behind each count with what is missing there.
 */
export function gapsJob(ctx: ReportContext, title: string): GapsJob {
  const summary: XValue[][] = [];
  const detail: XValue[][] = [];
  ctx.gaps.forEach((g, i) => {
    summary.push([
      i + 1, TIER_LABELS[g.tier], g.text, INDICATOR_BY_CODE[g.code as IndicatorCode]?.name ?? g.name, LEVEL[g.level],
      DIMENSION_LABELS[g.dimension as Dimension] ?? g.dimension, SEVERITY[g.severity], g.count, g.red, g.amber, g.basis, g.localRule, g.recommendation,
    ]);
    for (const o of g.orgs) detail.push([TIER_LABELS[g.tier], problemName(g), o.unitName, o.name, SEVERITY[o.severity], o.total, o.message]);
  });
  return {
    kind: 'gaps', meta: xlsxMeta(ctx, title), summaryHeading: sheetHeading(ctx, '问题清单（汇总）'), detailHeading: sheetHeading(ctx, '问题清单（明细）'), summary, detail,
    notes: [
      '性质：“党内法规”指党内法规制度原文规定的要求；“本委工作要求”指本委确定的标准（可在评分规则中调整），未达到的不属于违反党内法规；“提醒”指尚未到期或即将到期的事项，不扣分。',
      '排序：党内法规、本委工作要求、提醒依次排列，同一性质中红色在前，再按涉及数从多到少；明细中同一问题按得分从低到高。',
    ],
  };
}
