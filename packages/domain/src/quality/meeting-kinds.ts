import type { MeetingType } from '../enums.js';
import type { ParamKey, RuleParams } from './params.js';

/**
 * The meeting types the rules set a frequency for, and the rule parameter
 * holding each (《中国共产党支部工作条例（试行）》第十一、十二、十三、十六条 and 第五章). One
 * table for the score, the 组织生活 strip and the report's 附表.
 */
export const MEETING_FREQUENCY_PARAMS = {
  general_meeting: 'generalMeetingPerYear',
  committee_meeting: 'committeeMeetingPerYear',
  group_meeting: 'groupMeetingPerYear',
  party_lecture: 'partyLecturePerYear',
  theme_day: 'themeDayPerYear',
  life_meeting: 'lifeMeetingPerYear',
  member_review: 'memberReviewPerYear',
} as const satisfies Partial<Record<MeetingType, ParamKey>>;

export type JudgedMeetingType = keyof typeof MEETING_FREQUENCY_PARAMS;
export const JUDGED_MEETING_TYPES = Object.keys(MEETING_FREQUENCY_PARAMS) as JudgedMeetingType[];

/**
 * Why a kind of meeting is not due from a branch, or null when it is: a branch
 * under the threshold of 正式党员 has no 支委会 (支部工作条例第六章), and 党小组会
 * are due only where 党小组 exist.
 */
export function meetingNotDue(type: JudgedMeetingType, branch: { fullCount: number; hasGroups: boolean }, p: Pick<RuleParams, 'committeeMinFullMembers'>): string | null {
  if (type === 'committee_meeting' && branch.fullCount < p.committeeMinFullMembers) {
    return `正式党员${branch.fullCount}名，不足${p.committeeMinFullMembers}名，不设支委会`;
  }
  if (type === 'group_meeting' && !branch.hasGroups) return '支部未划分党小组';
  return null;
}
