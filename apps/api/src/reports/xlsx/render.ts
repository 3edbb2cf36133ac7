import { MEETING_TYPE_LABELS } from '@wj/domain/labels';
import { BRANCH_DIMENSIONS, DIMENSION_LABELS } from '@wj/domain/quality';
import { DUE_KINDS } from '../org-life.js';
import type { GapsJob } from './gaps.js';
import { PCT_FMT, SCORE_FMT, UNIT_SHEET, type XColumn } from './meta.js';
import type { OrgLifeJob } from './org-life.js';
import { aboutSheet, newWorkbook, printSetup, styleHeader, tableSheet, titleRow, toBuffer } from './kit.js';
import type { ScoresJob } from './scores.js';

/**
 * The report workbooks written with exceljs in the render worker
 * (render-worker.ts) from the plain rows the main thread gathered
 * (scores.ts, gaps.ts, org-life.ts): only layout and styling here.
 */
const DIMENSION_COLUMNS: XColumn[] = BRANCH_DIMENSIONS.map((d) => ({ header: DIMENSION_LABELS[d], width: 11, numFmt: SCORE_FMT }));

export function renderScores(job: ScoresJob): Promise<Buffer> {
  const wb = newWorkbook(job.meta.title);
  const summary = tableSheet(wb, UNIT_SHEET, [
    { header: '序号', width: 6 }, { header: '单位', width: 24 }, { header: '党组织', width: 34 }, { header: '单位类型', width: 16 },
    { header: '党组织类型', width: 10 }, { header: '综合得分', width: 10, numFmt: SCORE_FMT }, { header: '等次', width: 8 },
    { header: '支部平均分', width: 11, numFmt: SCORE_FMT }, { header: '责任落实得分', width: 12, numFmt: SCORE_FMT },
    { header: '支部数', width: 8 }, { header: '单位问题数', width: 10 }, { header: '支部问题数', width: 10 }, { header: '红色问题数', width: 11 },
    { header: '提醒事项数', width: 10 }, { header: '明细工作表', width: 24 },
  ], 2, job.summaryHeading);
  for (const u of job.units) {
    summary.addRow(u.row);
    const ws = tableSheet(wb, u.sheet, [
      { header: '序号', width: 6 }, { header: '党支部', width: 30 }, { header: '党员数', width: 8 },
      { header: '总分', width: 8, numFmt: SCORE_FMT }, { header: '等次', width: 8 }, ...DIMENSION_COLUMNS,
      { header: '问题数', width: 8 }, { header: '红色问题数', width: 11 }, { header: '问题', width: 90, wrap: true }, { header: '提醒事项', width: 50, wrap: true },
    ], 2, u.heading);
    for (const b of u.branches) ws.addRow(b);
  }
  aboutSheet(wb, job.meta, job.notes);
  return toBuffer(wb);
}

export function renderGaps(job: GapsJob): Promise<Buffer> {
  const wb = newWorkbook(job.meta.title);
  const summary = tableSheet(wb, '问题汇总', [
    { header: '序号', width: 6 }, { header: '性质', width: 13 }, { header: '问题', width: 40 }, { header: '指标', width: 22 }, { header: '层级', width: 11 },
    { header: '维度', width: 11 }, { header: '颜色', width: 7 }, { header: '涉及数', width: 8 }, { header: '红色', width: 7 },
    { header: '黄色', width: 7 }, { header: '依据', width: 60, wrap: true }, { header: '本委规则', width: 40, wrap: true }, { header: '整改建议', width: 60, wrap: true },
  ], 3, job.summaryHeading);
  const detail = tableSheet(wb, '问题明细', [
    { header: '性质', width: 13 }, { header: '问题', width: 30 }, { header: '单位', width: 22 }, { header: '组织', width: 30 },
    { header: '颜色', width: 7 }, { header: '得分', width: 8, numFmt: SCORE_FMT }, { header: '问题描述', width: 70, wrap: true },
  ], 2, job.detailHeading);
  for (const r of job.summary) summary.addRow(r);
  for (const r of job.detail) detail.addRow(r);
  aboutSheet(wb, job.meta, job.notes);
  return toBuffer(wb);
}

const PER_TYPE = ['应开', '实开', '按期'] as const;

/** Two frozen header rows: the meeting type over its three columns (应开, 实开, 按期). */
export function renderOrgLife(job: OrgLifeJob): Promise<Buffer> {
  const wb = newWorkbook(job.meta.title);
  const ws = wb.addWorksheet('组织生活', { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  const lead = ['单位', '党支部'];
  const tail = [`${MEETING_TYPE_LABELS.heart_talk}（次）`, '平均到会率', '未按期召开的期次'];
  const top = [...lead, ...DUE_KINDS.flatMap((k) => [k.label, null, null]), ...tail];
  const sub = [...lead, ...DUE_KINDS.flatMap(() => PER_TYPE), ...tail];
  const widths = [20, 28, ...DUE_KINDS.flatMap(() => [6, 6, 6]), 12, 11, 60];
  titleRow(ws, job.heading, widths.length);
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
  for (const r of job.rows) ws.addRow(r);
  ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: widths.length } };
  aboutSheet(wb, job.meta, job.notes);
  return toBuffer(wb);
}
