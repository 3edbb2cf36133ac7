import { DIMENSION_LABELS, INDICATOR_BY_CODE, TIER_LABELS, type Dimension, type IndicatorCode } from '@wj/domain/quality';
import type { GapLine } from '@wj/domain/schemas';
import type { ReportContext } from '../context.js';
import { aboutSheet, newWorkbook, SCORE_FMT, sheetHeading, tableSheet, toBuffer } from './kit.js';

/** Colour only: whether a line breaks 党内法规 is its 性质 (tier), never its colour. */
const SEVERITY = { red: '红色', amber: '黄色' } as const;
const LEVEL = { branch: '党支部', unit: '单位党组织' } as const;

/** The problem as a problem, without the count: “未按期换届”, “逾期提交年度党建工作计划”. */
export function problemName(g: Pick<GapLine, 'text' | 'count'>): string {
  return g.text.slice(String(g.count).length).replace(/^(个支部|家单位)/, '');
}

/**
 * 问题清单: the gap catalogue of GET /api/quality/gaps — one row per line with
 * its 性质 (党内法规 / 本委工作要求 / 提醒), count, source and recommendation,
 * then one row per organisation behind each count with what is missing there.
 */
export async function gapsWorkbook(ctx: ReportContext, title: string): Promise<Buffer> {
  const wb = newWorkbook(title);
  const summary = tableSheet(wb, '问题汇总', [
    { header: '序号', width: 6 }, { header: '性质', width: 13 }, { header: '问题', width: 40 }, { header: '指标', width: 22 }, { header: '层级', width: 11 },
    { header: '维度', width: 11 }, { header: '颜色', width: 7 }, { header: '涉及数', width: 8 }, { header: '红色', width: 7 },
    { header: '黄色', width: 7 }, { header: '依据', width: 60, wrap: true }, { header: '本委规则', width: 40, wrap: true }, { header: '整改建议', width: 60, wrap: true },
  ], 3, sheetHeading(ctx, '问题清单（汇总）'));
  const detail = tableSheet(wb, '问题明细', [
    { header: '性质', width: 13 }, { header: '问题', width: 30 }, { header: '单位', width: 22 }, { header: '组织', width: 30 },
    { header: '颜色', width: 7 }, { header: '得分', width: 8, numFmt: SCORE_FMT }, { header: '问题描述', width: 70, wrap: true },
  ], 2, sheetHeading(ctx, '问题清单（明细）'));
  ctx.gaps.forEach((g, i) => {
    summary.addRow([
      i + 1, TIER_LABELS[g.tier], g.text, INDICATOR_BY_CODE[g.code as IndicatorCode]?.name ?? g.name, LEVEL[g.level],
      DIMENSION_LABELS[g.dimension as Dimension] ?? g.dimension, SEVERITY[g.severity], g.count, g.red, g.amber, g.basis, g.localRule, g.recommendation,
    ]);
    for (const o of g.orgs) detail.addRow([TIER_LABELS[g.tier], problemName(g), o.unitName, o.name, SEVERITY[o.severity], o.total, o.message]);
  });
  aboutSheet(wb, ctx, [
    '性质：“党内法规”指党内法规制度原文规定的要求；“本委工作要求”指本委确定的标准（可在评分规则中调整），未达到的不属于违反党内法规；“提醒”指尚未到期或即将到期的事项，不扣分。',
    '排序：党内法规、本委工作要求、提醒依次排列，同一性质中红色在前，再按涉及数从多到少；明细中同一问题按得分从低到高。',
  ]);
  return toBuffer(wb);
}
