import { EPS, fail, met, na, retiredExempt, type BranchContext } from './context.js';
import { fmtNum } from './dates.js';
import { studyShortOfColumns } from './member-columns.js';
import { judgedPeriods, judgedTable } from './periods.js';
import type { Outcome, Severity } from './types.js';

/**
 * 党员队伍强. Sources: 《中国共产党支部工作条例（试行）》第二章 (3人以上成立、一般不超过
 * 50人); 《全国党员教育培训工作规划（2024—2028年）》(32/56学时 are the commission's rule, kept from the 2019—2023 规划); 《中国共产党发展党员
 * 工作细则》(2014); 《关于加强公立医院党的建设工作的意见》(高层次人才“双培养”).
 */
type Check = (ctx: BranchContext) => Outcome;

/** Full share → met; at or above the warn line → amber; below → red. Credit is the share itself. */
function shareOutcome(share: number, warnLine: number, message: string): Outcome {
  const severity: Severity = share + EPS >= warnLine ? 'amber' : 'red';
  return fail(severity, message, share);
}

const branchSize: Check = ({ p, fullCount, memberCount: n }) => {
  if (fullCount < p.branchSizeMin) return fail('red', `支部正式党员仅${fullCount}名，少于${p.branchSizeMin}名`);
  // “党支部党员人数一般不超过50人”: a soft limit, so amber.
  if (n > p.branchSizeMax) return fail('amber', `支部党员${n}名，超过${p.branchSizeMax}名，应适时拆分`, 0.5);
  return met(`支部党员${n}名，其中正式党员${fullCount}名`);
};

/**
 * Share of members who reached their hours: 32 a year, 56 for 支委会 members
 * (the lone secretary of a small branch counts as 班子). In the current year
 * the quota is pro-rated by ended months: by 30 June, 16 and 28 hours.
 */
const studyHours: Check = ({ facts, p, year, asOf, cutoff, founded, path, memberCount: n, memberColumns }) => {
  const months = path === 'fast' ? judgedTable(12, year, cutoff, founded).judged : judgedPeriods(12, year, asOf, founded);
  const last = months.at(-1);
  if (!last) return na(`${year}年尚无到期的学时要求`);
  if (n === 0) return na('支部无在册党员');
  const factor = months.length / 12;
  const quota = { member: p.studyHoursMember * factor, committee: p.studyHoursCommittee * factor };
  const leaders = new Set((facts.committee?.members ?? []).map((m) => m.memberId));
  const short = memberColumns
    ? studyShortOfColumns(memberColumns, leaders, quota, EPS)
    : facts.members.filter((m) => (m.studyHours ?? 0) + EPS < (leaders.has(m.id) ? quota.committee : quota.member)).length;
  const quotaText = `党员${fmtNum(quota.member)}学时、班子成员${fmtNum(quota.committee)}学时`;
  if (short === 0) return met(`${n}名党员学习学时均达到要求（${quotaText}）`);
  const scope = last.index === 11 ? `${year}年` : `截至${year}年${last.index + 1}月底`;
  return shareOutcome(1 - short / n, p.studyShareWarn, `${scope}有${short}名党员学习学时未达到要求（${quotaText}）`);
};

/** A pipeline entry still being trained (申请人 → 预备党员), on record by the cutoff. */
const recruitment: Check = (ctx) => {
  const { facts, cutoff } = ctx;
  if (retiredExempt(ctx, 'recruitment')) return na('离退休党支部不考核发展党员');
  const pipeline = facts.recruits.filter((r) => r.status === 'active' && r.stage !== 'full' && r.applicationDate <= cutoff);
  if (pipeline.length) return met(`在培养的入党申请人、积极分子、发展对象和预备党员共${pipeline.length}名`);
  return fail('amber', '支部没有在培养的入党申请人、积极分子和发展对象，发展党员后继乏人');
};

/**
 * 双培养: at least one 高层次人才 in the pipeline, or admitted (转正) during the
 * year. Judged for in-service and mixed branches only.
 */
const talentRecruitment: Check = (ctx) => {
  const { facts, year, cutoff } = ctx;
  if (retiredExempt(ctx, 'talent_recruitment')) return na('离退休党支部不考核高层次人才发展');
  const talents = facts.recruits.filter((r) => r.isTalent && r.status === 'active' && r.applicationDate <= cutoff
    && (r.stage !== 'full' || (r.fullDate !== null && r.fullDate.startsWith(`${year}-`))));
  if (talents.length) return met(`培养高层次人才入党${talents.length}名`);
  return fail('amber', '支部未将高层次人才纳入发展党员培养，“双培养”工作不足');
};

const rosterComplete: Check = ({ facts, p, memberCount: n, rosterIncomplete }) => {
  if (n === 0) return na('支部无在册党员');
  const missing = rosterIncomplete ?? facts.members.filter((m) => !m.rosterComplete).length;
  if (missing === 0) return met(`${n}名党员信息完整`);
  return shareOutcome(1 - missing / n, p.rosterShareWarn, `${missing}名党员花名册信息不完整（公民身份号码、联系电话、学历或岗位类别缺失）`);
};

export const TEAM_CHECKS = {
  branch_size: branchSize,
  study_hours: studyHours,
  recruitment,
  talent_recruitment: talentRecruitment,
  roster_complete: rosterComplete,
} satisfies Record<string, Check>;
