import type { ReportContext } from '../context.js';
import { DUE_KINDS, type BranchOrgLife } from '../org-life.js';
import { sheetHeading, xlsxMeta, type XlsxMeta, type XValue } from './meta.js';

/** The org-life table as plain rows, for the render worker (xlsx/render.ts writes it). */
export interface OrgLifeJob { kind: 'org-life'; meta: XlsxMeta; heading: string; rows: XValue[][]; notes: string[] }

/**
 * 组织生活落实情况: per branch and meeting type, due (null where not required
 * of the branch), held and held on time, then 谈心谈话, the mean attendance
 * and the periods still lacking a meeting.
 */
export function orgLifeJob(ctx: ReportContext, rows: BranchOrgLife[], title: string): OrgLifeJob {
  return {
    kind: 'org-life', meta: xlsxMeta(ctx, title), heading: sheetHeading(ctx, '组织生活落实情况'),
    rows: rows.map((r) => {
      const o = ctx.ys.orgs.get(r.orgId)!;
      const missing = DUE_KINDS.map((k) => (r.byType[k.type]!.missing ? `${k.label}：${r.byType[k.type]!.missing}` : '')).filter(Boolean);
      return [
        ctx.unitName(o.unitId), o.name,
        ...DUE_KINDS.flatMap((k) => {
          const t = r.byType[k.type]!;
          return [t.due, t.held, t.due === null ? null : t.onTime];
        }),
        r.heartTalks, r.attendance, missing.join('；') || null,
      ];
    }),
    notes: [
      '应开：按评分规则的频次，截至统计日已到期的次数（当年只计已结束的季度、月份；年度会议年底到期）。空白表示该支部不需要召开此类会议（正式党员不足设立支委会的人数、未划分党小组，或该项指标未启用）。',
      '实开：登记的会议次数；按期：在各自期内召开、计入到期要求的次数（同一个月多开不能抵补其他月份）。',
    ],
  };
}
