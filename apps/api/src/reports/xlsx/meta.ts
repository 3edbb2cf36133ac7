import { todayIso } from '@wj/domain/schemas';
import type { ReportContext } from '../context.js';
import { subjectOf } from '../target.js';

/**
 * What the workbook writer (xlsx/render.ts, in a worker thread) needs to know
 * of the report beyond its rows: plain values, gathered on the main thread.
 */
export interface XlsxMeta {
  title: string;
  rootName: string;
  year: number;
  cutoff: string;
  /** The 说明 sheet's 范围. */
  scope: string;
  ruleVersion: number | string;
  /** The export's day (yyyy-mm-dd). */
  today: string;
}

export function xlsxMeta(ctx: ReportContext, title: string): XlsxMeta {
  return {
    title, rootName: ctx.target.rootName, year: ctx.year, cutoff: ctx.cutoff,
    scope: ctx.target.unitId === null ? subjectOf(ctx.target) : ctx.target.orgName,
    ruleVersion: ctx.ys.rules.version, today: todayIso(),
  };
}

/**
 * The title row every data sheet starts with: who issues it, what it is, the
 * year and the day the figures stand at —
 * “市卫生健康委直属机关党委 2025年度党支部质量评价得分（截至2025年12月31日）”.
 */
export function sheetHeading(ctx: Pick<ReportContext, 'target' | 'year' | 'cutoff'>, what: string): string {
  const [y, m, d] = ctx.cutoff.split('-').map(Number);
  return `${ctx.target.rootName}  ${ctx.year}年度${what}（截至${y}年${m}月${d}日）`;
}

const BAD = /[\\/?*[\]:]/g;

/** Excel's sheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook. */
export function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(BAD, '_').slice(0, 31) || '工作表';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
  used.add(name.toLowerCase());
  return name;
}

export interface XColumn { header: string; width: number; numFmt?: string; wrap?: boolean }
/** A cell as exceljs takes it: structured-cloneable (a link is { text, hyperlink }). */
export type XValue = string | number | boolean | Date | null | { text: string; hyperlink: string };
/** The scores workbook's first sheet. */
export const UNIT_SHEET = '各单位汇总';
export const SCORE_FMT = '0.0';
export const PCT_FMT = '0.0%';
export const DATE_FMT = 'yyyy-mm-dd';
