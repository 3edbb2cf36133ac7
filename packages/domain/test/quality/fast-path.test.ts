import { describe, expect, it } from 'vitest';
import type { MeetingFact } from '../../src/quality/facts.js';
import { MEETING_COLUMNS, type MeetingColumns } from '../../src/quality/meeting-tally.js';
import { employmentCounts, MEMBER_COLUMNS, MEMBER_FLAG, type MemberColumns } from '../../src/quality/member-columns.js';
import { scoreBranch } from '../../src/quality/score.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { branch, member, rulesWith, YEAR } from './builders.js';

/**
 * The fast scoring path (month tallies on shared period tables) against the
 * record-by-record reference, on the dates where a month rule could go wrong.
 * The API's test/demo/quality-fast-path.test.ts holds the two equal on every
 * branch of the demo.
 */
const AS_OFS = [`${YEAR}-01-31`, `${YEAR}-03-30`, `${YEAR}-03-31`, `${YEAR}-06-30`, `${YEAR}-07-01`, `${YEAR}-10-01`, `${YEAR}-12-31`, `${YEAR + 1}-02-01`];
const RULES = [DEFAULT_RULES, rulesWith({
  'params.generalMeetingPerYear': 2, 'params.committeeMeetingPerYear': 24, 'params.partyLecturePerYear': 6, 'params.themeDayPerYear': 3,
})];

function expectSame(mutate: Parameters<typeof branch>[0]) {
  for (const rules of RULES) {
    for (const asOf of AS_OFS) {
      const facts = branch(mutate);
      const opts = { year: YEAR, asOf };
      expect(scoreBranch(facts, rules, opts, 'fast'), asOf).toEqual(scoreBranch(facts, rules, opts, 'plain'));
    }
  }
}

describe('the fast scoring path', () => {
  it('scores a sound branch as the plain path does, at every as-of date and frequency', () => expectSame(undefined));

  it('counts meetings only in their own period, after founding and up to the cutoff', () => expectSame((f) => {
    f.foundedDate = `${YEAR}-05-15`;
    f.meetings = [
      ...f.meetings.filter((m) => m.date.slice(5, 7) !== '08'),
      { type: 'general_meeting', date: `${YEAR}-05-14`, expected: 10, present: 3 },
      { type: 'theme_day', date: `${YEAR}-06-30`, expected: 10, present: 9 },
      { type: 'theme_day', date: `${YEAR}-07-01`, expected: 0, present: 0 },
      { type: 'committee_meeting', date: `${YEAR - 1}-12-31`, expected: 5, present: 5 },
      { type: 'life_meeting', date: `${YEAR + 1}-01-02`, expected: 5, present: 5 },
    ];
  }));

  it('falls back to counting by date for a record that is not a plain valid day', () => {
    // '30 February' sorts after the month's real last day, a time part after the day itself: neither counts in February.
    for (const odd of [`${YEAR}-02-30`, `${YEAR}-02-28T10:00`, `${YEAR}-2-28`]) {
      expectSame((f) => {
        f.meetings = f.meetings.filter((m) => !(m.type === 'theme_day' && m.date.slice(5, 7) === '02'));
        f.meetings.push({ type: 'theme_day', date: odd, expected: 8, present: 8 });
      });
      const facts = branch((f) => {
        f.meetings = f.meetings.filter((m) => !(m.type === 'theme_day' && m.date.slice(5, 7) === '02'));
        f.meetings.push({ type: 'theme_day', date: odd, expected: 8, present: 8 });
      });
      const theme = scoreBranch(facts, DEFAULT_RULES, { year: YEAR, asOf: `${YEAR}-12-31` }).indicators.find((i) => i.code === 'theme_day')!;
      expect(theme.status, odd).toBe('partial');
    }
  });

  it('counts from MeetingColumns as from the list they hold', () => {
    const facts = branch();
    const list: MeetingFact[] = facts.meetings;
    // The columns in reverse storage order, read through `order`: the branch's records are rows 3.. of a shared store.
    const rows = [...list].reverse();
    const columns: MeetingColumns = {
      types: ['x', 'x', 'x', ...rows.map((m) => m.type)], dates: ['', '', '', ...rows.map((m) => m.date)],
      expected: [0, 0, 0, ...rows.map((m) => m.expected)], present: [0, 0, 0, ...rows.map((m) => m.present)],
      order: [0, 1, 2, ...list.map((_, i) => 3 + rows.length - 1 - i)], from: 3, to: 3 + list.length,
    };
    const withColumns = { ...facts, meetings: [] as MeetingFact[] };
    Object.defineProperty(withColumns, MEETING_COLUMNS, { value: columns, enumerable: false });
    for (const asOf of AS_OFS) {
      const opts = { year: YEAR, asOf };
      const fast = scoreBranch(withColumns, DEFAULT_RULES, opts);
      expect(fast, asOf).toEqual(scoreBranch(facts, DEFAULT_RULES, opts, 'plain'));
    }
  });

  it('counts members from MemberColumns as from the list they hold', () => {
    // Short of hours (a 支委 with a member's hours, one with none recorded), roster gaps, a probationary secretary, a member of another org at row 0.
    const facts = branch((f) => {
      f.members[0] = member(1, { category: 'probationary', fullDate: null, isDeptHead: true, studyHours: 10 });
      f.members[1] = member(2, { studyHours: 40 });
      f.members[3] = member(4, { studyHours: null, rosterComplete: false, employment: 'retired' });
      f.members[5] = member(6, { studyHours: 12.5, isTalent: true, partyStanding: 'suspended', lostContact: true, floating: true });
      f.members[7] = member(8, { rosterComplete: false, titleLevel: 'senior' });
    });
    const rows = [member(99), ...[...facts.members].reverse()];
    const bit = (on: boolean | undefined, b: number) => (on ? b : 0);
    const columns: MemberColumns = {
      ids: rows.map((m) => m.id), birthDates: rows.map((m) => m.birthDate), joinDates: rows.map((m) => m.joinDate),
      fullDates: rows.map((m) => m.fullDate), categories: rows.map((m) => m.category), employments: rows.map((m) => m.employment),
      titleLevels: rows.map((m) => m.titleLevel), partyStandings: rows.map((m) => m.partyStanding),
      flags: rows.map((m) => bit(m.isTalent, MEMBER_FLAG.talent) + bit(m.isDeptHead, MEMBER_FLAG.deptHead) + bit(m.lostContact, MEMBER_FLAG.lostContact)
        + bit(m.floating, MEMBER_FLAG.floating) + bit(m.rosterComplete, MEMBER_FLAG.rosterComplete)),
      hours: rows.map((m) => m.studyHours ?? NaN), order: [0, ...facts.members.map((_, i) => rows.length - 1 - i)], from: 1, to: rows.length,
    };
    const withColumns = { ...facts, members: [] as typeof facts.members };
    Object.defineProperty(withColumns, MEMBER_COLUMNS, { value: columns, enumerable: false });
    expect(employmentCounts(withColumns)).toEqual({ inService: 11, retired: 1 });
    for (const asOf of AS_OFS) {
      const opts = { year: YEAR, asOf };
      const fast = scoreBranch(withColumns, DEFAULT_RULES, opts);
      expect(fast, asOf).toEqual(scoreBranch(facts, DEFAULT_RULES, opts, 'plain'));
    }
    const study = scoreBranch(withColumns, DEFAULT_RULES, { year: YEAR, asOf: `${YEAR}-12-31` }).indicators.find((i) => i.code === 'study_hours')!;
    expect(study.detail).toContain('有4名党员');
  });
});
