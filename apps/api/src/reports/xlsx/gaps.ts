import { DIMENSION_LABELS, type Dimension } from '@wj/domain/quality';
import type { ReportContext } from '../context.js';
import { aboutSheet, newWorkbook, SCORE_FMT, tableSheet, toBuffer } from './kit.js';

const SEVERITY = { red: '红色（违反规定）', amber: '黄色（预警）' } as const;
const LEVEL = { branch: '党支部', unit: '单位党组织' } as const;

/**
 * 问题清单: the gap catalogue of GET /api/quality/gaps — one row per gap with
 * its count, source and recommendation, then one row per organisation behind
 * each count with what is missing there.
 */
export async function gapsWorkbook(ctx: ReportContext, title: string): Promise<Buffer> {
  const wb = newWorkbook(title);
  const summary = tableSheet(wb, '问题汇总', [
    { header: '序号', width: 6 }, { header: '问题代码', width: 22 }, { header: '问题', width: 36 }, { header: '层级', width: 11 },
    { header: '维度', width: 11 }, { header: '严重程度', width: 16 }, { header: '涉及数', width: 8 }, { header: '红色', width: 7 },
    { header: '黄色', width: 7 }, { header: '依据', width: 60, wrap: true }, { header: '整改建议', width: 60, wrap: true },
  ], 3);
  const detail = tableSheet(wb, '问题明细', [
    { header: '问题代码', width: 22 }, { header: '问题', width: 30 }, { header: '单位', width: 22 }, { header: '组织', width: 30 },
    { header: '严重程度', width: 16 }, { header: '得分', width: 8, numFmt: SCORE_FMT }, { header: '问题描述', width: 70, wrap: true },
  ], 1);
  ctx.gaps.forEach((g, i) => {
    summary.addRow([
      i + 1, g.code, g.text, LEVEL[g.level], DIMENSION_LABELS[g.dimension as Dimension] ?? g.dimension, SEVERITY[g.severity],
      g.count, g.red, g.amber, g.source, g.recommendation,
    ]);
    for (const o of g.orgs) detail.addRow([g.code, g.name, o.unitName, o.name, SEVERITY[o.severity], o.total, o.message]);
  });
  aboutSheet(wb, ctx, ['排序：红色（违反规定）在前，同一严重程度按涉及数从多到少；明细中同一问题按得分从低到高。']);
  return toBuffer(wb);
}
