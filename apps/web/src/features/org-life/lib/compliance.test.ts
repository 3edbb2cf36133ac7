import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, setRuleValue } from '@wj/domain/quality';
import type { MeetingType } from '@wj/domain';
import { meetingCompliance, type ComplianceInput } from './compliance';

const m = (type: MeetingType, date: string, expected = 10, present = 10) => ({ type, date, expected, present });

const base: ComplianceInput = {
  meetings: [], rules: DEFAULT_RULES, year: 2026, asOf: '2026-07-01', foundedDate: null, hasGroups: false, fullCount: 20,
};
const item = (input: Partial<ComplianceInput>, key: string) => meetingCompliance({ ...base, ...input }).find((i) => i.key === key);

describe('meetingCompliance', () => {
  it('pro-rates 党员大会 to the quarters ended by today and names the one missing', () => {
    const general = item({ meetings: [m('general_meeting', '2026-02-10')] }, 'general_meeting');
    expect(general).toMatchObject({ label: '支部党员大会', status: 'short', held: 1, due: 2, note: '第二季度未达要求' });
  });

  it('counts a meeting only in its own quarter: two in Q1 do not cover Q2', () => {
    const meetings = [m('general_meeting', '2026-01-10'), m('general_meeting', '2026-03-10')];
    expect(item({ meetings }, 'general_meeting')).toMatchObject({ held: 1, due: 2, recorded: 2, status: 'short' });
  });

  it('is met when every due month has its 支委会, and judges a past year whole', () => {
    const meetings = Array.from({ length: 12 }, (_, i) => m('committee_meeting', `2025-${String(i + 1).padStart(2, '0')}-05`));
    expect(item({ meetings, year: 2025 }, 'committee_meeting')).toMatchObject({ status: 'met', held: 12, due: 12 });
  });

  it('does not judge 支委会 below the committee threshold, nor 党小组会 without groups', () => {
    expect(item({ fullCount: 5 }, 'committee_meeting')).toMatchObject({ status: 'na', note: '正式党员5名，不足7名，不设支委会' });
    expect(item({}, 'group_meeting')).toMatchObject({ status: 'na' });
    expect(item({ hasGroups: true }, 'group_meeting')).toMatchObject({ status: 'short', due: 6 });
  });

  it('leaves a yearly 组织生活会 pending until the year ends, met once held', () => {
    expect(item({}, 'life_meeting')).toMatchObject({ status: 'pending', due: 0, note: '年底前召开' });
    expect(item({ meetings: [m('life_meeting', '2026-06-20')] }, 'life_meeting')).toMatchObject({ status: 'met' });
  });

  it('follows the rule set in force: 党课 twice a year is due once by 1 July', () => {
    const rules = setRuleValue(DEFAULT_RULES, 'params.partyLecturePerYear', 2);
    expect(item({ rules }, 'party_lecture')).toMatchObject({ due: 1, status: 'short', note: '上半年未达要求' });
  });

  it('rates attendance against the two lines of the rules', () => {
    expect(item({ meetings: [m('theme_day', '2026-03-01', 10, 9)] }, 'attendance')).toMatchObject({ status: 'met', held: 90 });
    expect(item({ meetings: [m('theme_day', '2026-03-01', 20, 15)] }, 'attendance')).toMatchObject({ status: 'warn' });
    expect(item({ meetings: [m('theme_day', '2026-03-01', 10, 5)] }, 'attendance')).toMatchObject({ status: 'short', held: 50 });
  });

  it('leaves out indicators the admin switched off', () => {
    const rules = setRuleValue(DEFAULT_RULES, 'indicators.theme_day.enabled', false);
    expect(item({ rules }, 'theme_day')).toBeUndefined();
  });
});
