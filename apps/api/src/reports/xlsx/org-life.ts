import { MEETING_TYPE_LABELS } from '@wj/domain/labels';
import type { ReportContext } from '../context.js';
import { DUE_KINDS, type BranchOrgLife } from '../org-life.js';
import { aboutSheet, newWorkbook, PCT_FMT, printSetup, sheetHeading, styleHeader, titleRow, toBuffer } from './kit.js';

const PER_TYPE = ['应开', '实开', '按期'] as const;

/**
 * 组织生活落实情况: per branch and meeting type, due (null where not required
 * of the branch), held and held on time, then 谈心谈话, the mean attendance
 * and the periods still lacking a meeting. Two frozen header rows: the type
 * over its three columns.
 */
export async function orgLifeWorkbook(ctx: ReportContext, rows: BranchOrgLife[], title: string): Promise<Buffer> {
  const wb = newWorkbook(title);
  const ws = wb.addWorksheet('组织生活', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  const lead = ['单位', '党支部'];
  const tail = [`${MEETING_TYPE_LABELS.heart_talk}（次）`, '平均到会率', '未按期召开的期次'];
  const top = [...lead, ...DUE_KINDS.flatMap((k) => [k.label, null, null]), ...tail];
  const sub = [...lead, ...DUE_KINDS.flatMap(() => PER_TYPE), ...tail];
  const widths = [20, 28, ...DUE_KINDS.flatMap(() => [6, 6, 6]), 12, 11, 60];
  titleRow(ws, sheetHeading(ctx, '组织生活落实情况'), widths.length);
  ws.getRow(2).values = top;
  ws.getRow(3).values = sub;
  widths.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  [...lead, ...tail].forEach((_, i) => {
    const col = i < lead.length ? i + 1 : lead.length + DUE_KINDS.length * 3 + (i - lead.length) + 1;
    ws.mergeCells(2, col, 3, col);
  });
  DUE_KINDS.forEach((_, i) => ws.mergeCells(2, lead.length + i * 3 + 1, 2, lead.length + i * 3 + 3));
  styleHeader(ws.getRow(2));
  styleHeader(ws.getRow(3));
  printSetup(ws, 3);
  ws.getColumn(lead.length + DUE_KINDS.length * 3 + 2).numFmt = PCT_FMT;
  ws.getColumn(widths.length).alignment = { wrapText: true, vertical: 'top' };

  for (const r of rows) {
    const o = ctx.ys.orgs.get(r.orgId)!;
    const missing = DUE_KINDS.map((k) => (r.byType[k.type]!.missing ? `${k.label}：${r.byType[k.type]!.missing}` : '')).filter(Boolean);
    ws.addRow([
      ctx.unitName(o.unitId), o.name,
      ...DUE_KINDS.flatMap((k) => {
        const t = r.byType[k.type]!;
        return [t.due, t.held, t.due === null ? null : t.onTime];
      }),
      r.heartTalks, r.attendance, missing.join('；') || null,
    ]);
  }
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: widths.length } };
  aboutSheet(wb, ctx, [
    '应开：按评分规则的频次，截至统计日已到期的次数（当年只计已结束的季度、月份；年度会议年底到期）。空白表示该支部不需要召开此类会议（正式党员不足设立支委会的人数、未划分党小组，或该项指标未启用）。',
    '实开：登记的会议次数；按期：在各自期内召开、计入到期要求的次数（同一个月多开不能抵补其他月份）。',
  ]);
  return toBuffer(wb);
}
