import type { MeetingType } from '../enums.js';
import { MEETING_TYPE_LABELS } from '../labels.js';
import { EPS, fail, met, monthsOf, na, remind, type BranchContext } from './context.js';
import { fmtMd, fmtPct, fmtYmd, parseYmd } from './dates.js';
import type { ParamKey } from './params.js';
import { meanAttendance, meetingsInRange, tallyMonths, tallyPeriods, type PeriodTally } from './meeting-tally.js';
import { periodsPhrase } from './periods.js';
import type { Outcome } from './types.js';

/**
 * 政治功能强 (组织生活). 《中国共产党支部工作条例（试行）》第十一条 (党员大会每季度),
 * 第十二条 (支委会每月), 第十三条 (党小组会每月), 第十六条 (按期上党课; 每季度 is the
 * commission's rule), 第五章 (每月主题党日、每年组织生活会、民主评议党员).
 *
 * Each frequency is checked period by period (periods.ts), so a gap names the
 * quarter or the months that lack a meeting. Yearly items in the current year
 * are due only when the year is over: before that a missing one carries no
 * penalty, and from 1 October (组织生活会“一般安排在第四季度”) it shows as an
 * amber reminder worth 0 points. One held early already earns its points.
 */
type Check = (ctx: BranchContext) => Outcome;

const VERB: Record<MeetingType, string> = {
  general_meeting: '召开', committee_meeting: '召开', group_meeting: '召开', party_lecture: '组织',
  theme_day: '开展', life_meeting: '召开', member_review: '开展', heart_talk: '开展',
};

function periodic(ctx: BranchContext, type: MeetingType, perYear: number): Outcome {
  const { year, asOf, cutoff, founded } = ctx;
  const label = MEETING_TYPE_LABELS[type];
  const verb = VERB[type];
  const months = monthsOf(ctx);
  let t: PeriodTally;
  if (months) {
    t = tallyMonths(months.byType.get(type), perYear, year, cutoff, founded);
  } else {
    const dates = meetingsInRange(ctx.facts.meetings, year, asOf, founded).filter((m) => m.type === type).map((m) => m.date);
    t = tallyPeriods(dates, perYear, year, asOf, founded);
  }

  if (t.judged.length === 0) {
    if (perYear === 1 && t.open) {
      if (t.heldOpen >= t.open.required) return met(`${year}年度${label}已${verb}`);
      if (parseYmd(cutoff).m >= 10) return remind(`${year}年度${label}尚未${verb}，应于年底前完成`);
      return na(`${year}年度${label}尚未${verb}，年底前完成即可`);
    }
    if (founded !== null && founded > `${year}-01-01`) return na(`支部于${fmtYmd(founded)}成立，${year}年尚无到期的${label}`);
    return na(`截至${fmtMd(cutoff)}尚无到期的${label}`);
  }

  const { due, held: done, short } = t;
  if (short.length === 0) return met(`${year}年已到期的${due}次${label}均已${verb}`);

  const first = short[0]!;
  const per = first.required;
  let message: string;
  if (first.months === 12) {
    message = `${year}年未${verb}${label}`;
  } else if (first.months === 1) {
    message = `${year}年已到期的${due}次${label}仅${verb}${done}次（${periodsPhrase(short)}${per > 1 ? `不足${per}次` : `未${verb}`}）`;
  } else {
    message = per > 1 ? `${year}年${periodsPhrase(short)}${label}少于${per}次` : `${year}年${periodsPhrase(short)}未${verb}${label}`;
  }
  return fail('red', message, done / due);
}

const byFrequency = (type: MeetingType, key: ParamKey): Check => (ctx) => periodic(ctx, type, ctx.p[key]);

const committeeMeeting: Check = (ctx) => {
  if (!ctx.needsCommittee) {
    return na(`正式党员${ctx.fullCount}名，不足${ctx.p.committeeMinFullMembers}名，不设支委会，不考核支委会会议`);
  }
  return periodic(ctx, 'committee_meeting', ctx.p.committeeMeetingPerYear);
};

const groupMeeting: Check = (ctx) => {
  if (!ctx.facts.hasGroups) return na('支部未划分党小组，不考核党小组会');
  return periodic(ctx, 'group_meeting', ctx.p.groupMeetingPerYear);
};

/** Mean of present/expected over the year's recorded meetings (all types). */
const attendance: Check = (ctx) => {
  const { p, year } = ctx;
  const months = monthsOf(ctx);
  const avg = months ? months.attendance : meanAttendance(meetingsInRange(ctx.facts.meetings, year, ctx.asOf, ctx.founded));
  if (avg === null) return na(`${year}年尚无组织生活记录，不计到会率`);
  const text = `${year}年组织生活平均到会率${fmtPct(avg)}`;
  if (avg + EPS >= p.attendanceMin) return met(text);
  const message = `${text}，低于${fmtPct(p.attendanceMin)}`;
  return avg + EPS >= p.attendanceWarnMin ? fail('amber', message, 0.5) : fail('red', message);
};

export const POLITICAL_CHECKS = {
  general_meeting: byFrequency('general_meeting', 'generalMeetingPerYear'),
  committee_meeting: committeeMeeting,
  group_meeting: groupMeeting,
  party_lecture: byFrequency('party_lecture', 'partyLecturePerYear'),
  theme_day: byFrequency('theme_day', 'themeDayPerYear'),
  life_meeting: byFrequency('life_meeting', 'lifeMeetingPerYear'),
  member_review: byFrequency('member_review', 'memberReviewPerYear'),
  attendance,
} satisfies Record<string, Check>;
