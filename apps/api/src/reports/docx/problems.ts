import type { Paragraph } from 'docx';
import type { ReportContext } from '../context.js';
import { cnNumber, mdCn } from '../format.js';
import { gapSentence, problemGroups, remedies } from '../problems.js';
import { h1, h2, para } from './kit.js';

/**
 * 三、存在问题: the gap catalogue in the survey's voice — per group a lead
 * sentence, then 一是…二是… with each gap's count and the worst
 * organisations named with what is missing there.
 */
export function problemsSection(ctx: ReportContext): Paragraph[] {
  const out: Paragraph[] = [h1('三、存在问题')];
  const groups = problemGroups(ctx.gaps);
  if (groups.length === 0) {
    out.push(para(`对照“四强支部”质量评价标准，截至${ctx.year}年${mdCn(ctx.cutoff)}，未发现需要整改的问题。`));
    return out;
  }
  const affected = new Set(ctx.branches.filter((b) => b.gaps.length > 0).map((b) => b.orgId)).size;
  const red = ctx.gaps.filter((g) => g.severity === 'red').length;
  out.push(para(
    `对照“四强支部”质量评价标准逐支部查找，截至${ctx.year}年${mdCn(ctx.cutoff)}，${ctx.branches.length}个党支部中有${affected}个存在不同程度的问题，`
    + `共${ctx.gaps.length}类，其中${red}类涉及违反党内法规制度的硬性要求，${ctx.gaps.length - red}类为预警事项。主要表现在以下几个方面：`,
  ));
  groups.forEach((group, i) => {
    out.push(h2(`（${cnNumber(i + 1)}）${group.theme.problem}。`));
    const lines = group.gaps.map((g, j) => gapSentence(g, j, ctx.branchName));
    out.push(para(`主要表现为：${lines.join('')}`));
  });
  return out;
}

/** 四、对策建议: each group's recommendations, said once, numbered (一)(二)… in the order of 三. */
export function adviceSection(ctx: ReportContext): Paragraph[] {
  const out: Paragraph[] = [h1('四、对策建议')];
  const groups = problemGroups(ctx.gaps);
  groups.forEach((group, i) => {
    out.push(h2(`（${cnNumber(i + 1)}）${group.theme.remedy}。`));
    out.push(para(remedies(group).join('')));
  });
  const n = groups.length + 1;
  out.push(h2(`（${cnNumber(n)}）建立问题整改闭环，持续提升建设质量。`));
  out.push(para(
    `${ctx.target.unitId === null ? '各单位党组织' : '各党支部'}要对照本报告所列问题逐项建立整改台账，明确责任人和完成时限，`
    + '在平台中及时更新组织生活、支委会、书记项目等记录，整改一项、销号一项；'
    + `${ctx.target.unitId === null ? '委直属机关党委' : '单位党组织'}定期通报各支部得分和问题整改情况，把质量评价结果作为书记抓基层党建述职评议的重要依据。`,
  ));
  return out;
}
