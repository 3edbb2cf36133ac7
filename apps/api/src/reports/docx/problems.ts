import { TIER_HEADINGS, type Tier } from '@wj/domain/quality';
import type { ReportContext } from '../context.js';
import { cnNumber, mdCn } from '../format.js';
import { gapSentence, problemGroups, remedies, type Mentions } from '../problems.js';
import type { DraftWriter } from '../draft.js';
import { h1, type Paragraph } from './kit.js';

const problemLines = (ctx: ReportContext) => ctx.gaps.filter((g) => g.tier !== 'reminder');

/**
 * 三、存在问题: one part per tier, each heading counting only its own lines
 * (“（一）涉及违反党内法规制度的问题5类”), the survey's themes within it as
 * run-in heads followed by 一是…二是…; the reminders last, as reminders.
 */
export function problemsSection(ctx: ReportContext, draft: DraftWriter): Paragraph[] {
  const out: Paragraph[] = [h1('三、存在问题')];
  draft.part();
  const until = `截至${ctx.year}年${mdCn(ctx.cutoff)}`;
  const lines = problemLines(ctx);
  const reminders = ctx.gaps.filter((g) => g.tier === 'reminder');
  const count = (t: Tier) => ctx.gaps.filter((g) => g.tier === t).length;
  if (lines.length === 0) {
    out.push(...draft.para('problems', 'problems.summary', `对照“四强支部”质量评价标准，${until}，未发现需要整改的问题${reminders.length ? `，另有${reminders.length}类事项需要提醒` : ''}。`));
  } else {
    const affected = ctx.branches.filter((b) => b.gaps.some((g) => g.tier !== 'reminder')).length;
    const parts = [
      count('regulation') && `涉及违反党内法规制度的问题${count('regulation')}类`,
      count('commission') && `未达到本委工作要求的问题${count('commission')}类`,
    ].filter(Boolean).join('，');
    out.push(...draft.para('problems', 'problems.summary',
      `对照“四强支部”质量评价标准逐支部查找，${until}，${ctx.branches.length}个党支部中有${affected}个存在问题。共发现问题${lines.length}类，其中${parts}`
      + `${reminders.length ? `；另有${reminders.length}类事项尚未到期或即将到期，列为提醒` : ''}。主要表现在以下几个方面：`,
    ));
  }
  const mentions: Mentions = new Map();
  let n = 0;
  for (const tier of ['regulation', 'commission', 'reminder'] as const) {
    const mine = ctx.gaps.filter((g) => g.tier === tier);
    if (mine.length === 0) continue;
    n += 1;
    out.push(draft.h2(`（${cnNumber(n)}）${TIER_HEADINGS[tier]}${mine.length}类`));
    for (const group of problemGroups(mine)) {
      // 一是…二是… only where there is more than one.
      const sentences = group.gaps.map((g, j) => gapSentence(g, group.gaps.length > 1 ? j : null, ctx.branchName, mentions));
      out.push(...draft.para('problems', `problems.${tier}.${group.theme.dimension}`, sentences.join(''), tier === 'reminder' ? {} : { lead: `${group.theme.problem}。` }));
    }
  }
  out.push(...draft.added('problems'));
  return out;
}

/** 四、对策建议: each theme's recommendations over the problems (not the reminders), said once, numbered (一)(二)…. */
export function adviceSection(ctx: ReportContext, draft: DraftWriter): Paragraph[] {
  const out: Paragraph[] = [h1('四、对策建议')];
  draft.part();
  const groups = problemGroups(problemLines(ctx));
  groups.forEach((group, i) => {
    out.push(draft.h2(`（${cnNumber(i + 1)}）${group.theme.remedy}。`));
    out.push(...draft.para('advice', `advice.${group.theme.dimension}`, remedies(group).join('')));
  });
  const n = groups.length + 1;
  out.push(draft.h2(`（${cnNumber(n)}）建立问题整改闭环，持续提升建设质量。`));
  out.push(...draft.para('advice', 'advice.closing',
    `${ctx.target.unitId === null ? '各单位党组织' : '各党支部'}要对照本报告所列问题逐项建立整改台账，明确责任人和完成时限，`
    + '整改情况及时如实记录，整改一项、销号一项；对列为提醒的事项提前安排，防止逾期形成问题；'
    + `${ctx.target.unitId === null ? '委直属机关党委' : '单位党组织'}定期通报各支部得分和问题整改情况，把质量评价结果作为书记抓基层党建述职评议的重要依据。`,
  ));
  out.push(...draft.added('advice'));
  return out;
}
