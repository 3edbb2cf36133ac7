import { describe, expect, test } from 'vitest';
import type { BranchFacts } from '../../src/quality/facts.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';
import { scoreBranch } from '../../src/quality/score.js';
import { branchTodos } from '../../src/quality/todo.js';
import type { TodoBranchFacts, TodoItem } from '../../src/quality/todo-types.js';
import { branch, member, rulesWith } from './builders.js';

/** The branch as it stands on `asOf`: nothing held after that day. */
function asOn(f: BranchFacts, asOf: string): TodoBranchFacts {
  return { ...f, meetings: f.meetings.filter((m) => m.date <= asOf) };
}
const todos = (f: TodoBranchFacts, asOf: string, rules = DEFAULT_RULES) => branchTodos(asOn(f, asOf), rules, { asOf });
const gapCodes = (f: TodoBranchFacts, asOf: string) => scoreBranch(asOn(f, asOf), DEFAULT_RULES, { year: Number(asOf.slice(0, 4)), asOf }).gaps.map((g) => g.code);
const ofKind = (items: TodoItem[], kind: TodoItem['kind']) => items.filter((i) => i.kind === kind);
const meeting = (items: TodoItem[], type: string) => items.filter((i) => i.kind === 'meeting' && i.gapCode === type);
const without = (type: string, from: string, to: string) => (f: BranchFacts) => {
  f.meetings = f.meetings.filter((m) => !(m.type === type && m.date >= from && m.date <= to));
};
const noRecruits = (f: BranchFacts) => { f.recruits = []; };

describe('a sound branch on 1 December', () => {
  const items = todos(branch(noRecruits), '2026-12-01');

  test('owes exactly the month\'s 支委会, 党小组会 and 主题党日, due on 31 December', () => {
    expect(items.map((i) => [i.gapCode, i.dueDate, i.status])).toEqual([
      ['committee_meeting', '2026-12-31', 'due'], ['group_meeting', '2026-12-31', 'due'], ['theme_day', '2026-12-31', 'due'],
    ]);
    expect(items[0]!.title).toBe('召开12月支委会');
    expect(items[0]!.rule).toContain('中国共产党支部工作条例');
  });

  test('each opens the meeting form with its type and today\'s date', () => {
    expect(items[0]!.target).toEqual({ form: 'meeting', orgId: 11, meetingType: 'committee_meeting', date: '2026-12-01' });
  });

  test('and has no gap: nothing is due before the month is over', () => {
    const codes = gapCodes(branch(noRecruits), '2026-12-01');
    for (const c of ['committee_meeting', 'group_meeting', 'theme_day']) expect(codes).not.toContain(c);
  });
});

describe('a 待办 and its gap appear and disappear together', () => {
  const held = (f: BranchFacts, type: BranchFacts['meetings'][number]['type'], date: string) => ({ ...f, meetings: [...f.meetings, { type, date, expected: 12, present: 11 }] });

  test('the month\'s 支委会 on its last day', () => {
    const f = branch((x) => { noRecruits(x); without('committee_meeting', '2026-12-01', '2026-12-31')(x); });
    expect(gapCodes(f, '2026-12-31')).toContain('committee_meeting');
    expect(meeting(todos(f, '2026-12-31'), 'committee_meeting')).toHaveLength(1);
    const done = held(f, 'committee_meeting', '2026-12-20');
    expect(gapCodes(done, '2026-12-31')).not.toContain('committee_meeting');
    expect(meeting(todos(done, '2026-12-31'), 'committee_meeting')).toEqual([]);
  });

  test('a missed quarter: overdue item and red gap, both gone once the record is entered', () => {
    const f = branch((x) => { noRecruits(x); without('general_meeting', '2026-07-01', '2026-09-30')(x); });
    const overdue = meeting(todos(f, '2026-10-15'), 'general_meeting').filter((i) => i.status === 'overdue');
    expect(overdue.map((i) => [i.status, i.dueDate, i.target])).toEqual([
      ['overdue', '2026-09-30', { form: 'meeting', orgId: 11, meetingType: 'general_meeting', date: '2026-09-30' }],
    ]);
    expect(gapCodes(f, '2026-10-15')).toContain('general_meeting');
    const done = held(f, 'general_meeting', '2026-09-18');
    expect(meeting(todos(done, '2026-10-15'), 'general_meeting').map((i) => i.status)).toEqual(['due']);
    expect(gapCodes(done, '2026-10-15')).not.toContain('general_meeting');
  });

  test('换届: from the warning window on, and gone after the election', () => {
    const term = (d: string) => (x: BranchFacts) => { noRecruits(x); x.committee!.electedDate = d; };
    // Elected 2024-03-15: the term ends 2027-03-15; the window (3 months) opens on 2026-12-15.
    const f = branch(term('2024-03-15'));
    expect(ofKind(todos(f, '2026-12-14'), 'election')).toEqual([]);
    expect(gapCodes(f, '2026-12-14')).not.toContain('committee_term');
    const item = ofKind(todos(f, '2026-12-15'), 'election');
    expect(item.map((i) => [i.dueDate, i.status, i.target.form])).toEqual([['2027-03-15', 'due', 'committee']]);
    expect(gapCodes(f, '2026-12-15')).toContain('committee_term');
    const reelected = branch(term('2026-12-10'));
    expect(ofKind(todos(reelected, '2026-12-15'), 'election')).toEqual([]);
    expect(gapCodes(reelected, '2026-12-15')).not.toContain('committee_term');
  });

  test('an expired term is overdue', () => {
    const f = branch((x) => { noRecruits(x); x.committee!.electedDate = '2023-06-01'; });
    expect(ofKind(todos(f, '2026-07-01'), 'election').map((i) => [i.status, i.dueDate])).toEqual([['overdue', '2026-06-01']]);
  });

  test('incomplete records and study hours behind 序时进度', () => {
    const f = branch((x) => { noRecruits(x); x.members[3] = member(4, { rosterComplete: false, studyHours: 2 }); });
    const items = todos(f, '2026-12-01');
    expect(ofKind(items, 'roster').map((i) => i.gapCode)).toEqual(['roster_complete']);
    // 11 ended months: 29.3 hours were due by 30 November; 2 is behind.
    expect(ofKind(items, 'study_hours').map((i) => [i.gapCode, i.dueDate, i.status])).toEqual([['study_hours', '2026-11-30', 'overdue']]);
    expect(gapCodes(f, '2026-12-01')).toEqual(expect.arrayContaining(['roster_complete', 'study_hours']));
    const fixed = branch(noRecruits);
    expect([...ofKind(todos(fixed, '2026-12-01'), 'roster'), ...ofKind(todos(fixed, '2026-12-01'), 'study_hours')]).toEqual([]);
  });
});

describe('month and quarter ends', () => {
  const f = branch((x) => { noRecruits(x); without('committee_meeting', '2026-11-01', '2026-11-30')(x); without('general_meeting', '2026-07-01', '2026-09-30')(x); });

  test('30 November: November\'s 支委会 is due today, not yet overdue', () => {
    expect(meeting(todos(f, '2026-11-30'), 'committee_meeting').map((i) => [i.status, i.dueDate, i.title])).toEqual([['due', '2026-11-30', '召开11月支委会']]);
  });

  test('1 December: November is overdue and December is due', () => {
    expect(meeting(todos(f, '2026-12-01'), 'committee_meeting').map((i) => [i.status, i.dueDate])).toEqual([['overdue', '2026-11-30'], ['due', '2026-12-31']]);
  });

  test('30 September: the third quarter\'s 党员大会 is due; 1 October: overdue, and the fourth quarter\'s is due', () => {
    expect(meeting(todos(f, '2026-09-30'), 'general_meeting').map((i) => [i.status, i.title])).toEqual([['due', '召开第三季度支部党员大会']]);
    expect(meeting(todos(f, '2026-10-01'), 'general_meeting').map((i) => [i.status, i.dueDate])).toEqual([['overdue', '2026-09-30'], ['due', '2026-12-31']]);
  });

  test('a new year starts clean: on 1 January only the new periods are due', () => {
    const items = todos(branch(noRecruits), '2027-01-01');
    expect(meeting(items, 'general_meeting').map((i) => i.dueDate)).toEqual(['2027-03-31']);
    expect(meeting(items, 'committee_meeting').map((i) => i.dueDate)).toEqual(['2027-01-31']);
  });

  test('党课 follows its rule: quarterly by default, monthly when the rule says 12', () => {
    const g = branch((x) => { noRecruits(x); without('party_lecture', '2026-10-01', '2026-12-31')(x); });
    expect(meeting(todos(g, '2026-12-01'), 'party_lecture').map((i) => i.dueDate)).toEqual(['2026-12-31']);
    expect(meeting(todos(g, '2026-10-10'), 'party_lecture').map((i) => i.title)).toEqual(['组织第四季度党课']);
    const monthly = rulesWith({ 'params.partyLecturePerYear': 12 });
    expect(meeting(todos(g, '2026-10-10', monthly), 'party_lecture').map((i) => i.title)).toEqual(['补录或补开1、3、4、6、7、9月党课', '组织10月党课']);
  });

  test('组织生活会 and 民主评议: no item before the fourth quarter, one from 1 October, like the score\'s reminder', () => {
    const g = branch((x) => { noRecruits(x); without('life_meeting', '2026-01-01', '2026-12-31')(x); without('member_review', '2026-01-01', '2026-12-31')(x); });
    expect(todos(g, '2026-09-30').filter((i) => i.kind === 'meeting')).toEqual([]);
    const q4 = todos(g, '2026-10-01');
    expect(meeting(q4, 'life_meeting').map((i) => [i.dueDate, i.title])).toEqual([['2026-12-31', '召开2026年度组织生活会']]);
    expect(meeting(q4, 'member_review')).toHaveLength(1);
    expect(gapCodes(g, '2026-10-01')).toEqual(expect.arrayContaining(['life_meeting', 'member_review']));
  });

  test('no 支委会 below the threshold of full members, no 党小组会 without groups, nothing for a disabled indicator', () => {
    const small = branch((x) => { noRecruits(x); x.members = x.members.slice(0, 6); x.hasGroups = false; });
    const items = todos(small, '2026-12-01');
    expect(meeting(items, 'committee_meeting')).toEqual([]);
    expect(meeting(items, 'group_meeting')).toEqual([]);
    const off = rulesWith({ 'indicators.theme_day.enabled': false });
    expect(meeting(todos(branch(noRecruits), '2026-12-01', off), 'theme_day')).toEqual([]);
  });
});

describe('a branch founded mid-period', () => {
  const founded = (d: string) => branch((x) => { noRecruits(x); x.foundedDate = d; x.meetings = []; });

  test('founded 10 December: December began before it, so nothing is owed this month', () => {
    expect(todos(founded('2026-12-10'), '2026-12-15').filter((i) => i.kind === 'meeting')).toEqual([]);
    expect(gapCodes(founded('2026-12-10'), '2026-12-31')).not.toContain('committee_meeting');
  });

  test('its first full month and quarter are owed', () => {
    const items = todos(founded('2026-12-10'), '2027-01-05');
    expect(meeting(items, 'committee_meeting').map((i) => i.dueDate)).toEqual(['2027-01-31']);
    expect(meeting(items, 'general_meeting').map((i) => i.dueDate)).toEqual(['2027-03-31']);
  });

  test('founded 15 May: June is owed on 10 June, May and the second quarter are not', () => {
    const items = todos(founded('2026-05-15'), '2026-06-10');
    expect(meeting(items, 'committee_meeting').map((i) => [i.status, i.dueDate])).toEqual([['due', '2026-06-30']]);
    expect(meeting(items, 'general_meeting')).toEqual([]);
  });

  test('founded on the first of the month: that month is owed', () => {
    expect(meeting(todos(founded('2026-12-01'), '2026-12-01'), 'committee_meeting').map((i) => i.dueDate)).toEqual(['2026-12-31']);
  });
});

describe('发展党员', () => {
  const withRecruit = (r: Partial<TodoBranchFacts['recruits'][number]>) => branch((x) => {
    x.recruits = [{
      stage: 'probationary', status: 'active', isTalent: false, applicationDate: '2023-01-10', activistDate: '2023-03-01',
      candidateDate: '2024-06-01', probationaryDate: '2025-12-31', fullDate: null, id: 7, name: '王小明', ...r,
    }];
  });

  test.each([
    ['2026-11-30', []],
    ['2026-12-01', [['due', '2026-12-31']]],
    ['2026-12-31', [['due', '2026-12-31']]],
    ['2027-01-01', [['overdue', '2026-12-31']]],
  ])('预备期 ending 31 December 2026, on %s (30-day window)', (asOf, expected) => {
    expect(ofKind(todos(withRecruit({}), asOf), 'probation_due').map((i) => [i.status, i.dueDate])).toEqual(expected);
  });

  test('the 转正 item names the person and opens their record at the 转正 step', () => {
    const [item] = ofKind(todos(withRecruit({}), '2026-12-20'), 'probation_due');
    expect(item!.title).toBe('讨论预备党员王小明能否按期转正');
    expect(item!.target).toEqual({ form: 'recruit', orgId: 11, recruitId: 7, toStage: 'full', date: '2026-12-31' });
  });

  test('a stopped entry owes nothing', () => {
    expect(ofKind(todos(withRecruit({ status: 'stopped' }), '2027-01-01'), 'probation_due')).toEqual([]);
  });

  const activist = (d: string) => withRecruit({ stage: 'activist', activistDate: d, candidateDate: null, probationaryDate: null });

  test.each([
    ['2026-08-15', []],
    ['2026-08-16', ['2026-09-15']],
    ['2026-09-15', ['2026-09-15']],
    ['2026-09-16', []],
    ['2027-02-13', ['2027-03-15']],
  ])('半年考察 of an activist since 15 March 2026, on %s', (asOf, expected) => {
    expect(ofKind(todos(activist('2026-03-15'), asOf), 'activist_review').map((i) => i.dueDate)).toEqual(expected);
  });

  test('a half-year mark from 31 August falls on the last day of February', () => {
    expect(ofKind(todos(activist('2026-08-31'), '2027-02-10'), 'activist_review').map((i) => i.dueDate)).toEqual(['2027-02-28']);
  });

  test.each([
    ['2027-03-14', 0],
    ['2027-03-15', 1],
  ])('发展对象 from one year after the activist date, on %s', (asOf, n) => {
    const items = ofKind(todos(activist('2026-03-15'), asOf), 'recruit_step');
    expect(items).toHaveLength(n);
    if (n) expect(items[0]!.target).toMatchObject({ toStage: 'candidate', recruitId: 7 });
  });
});

describe('书记项目 milestones', () => {
  const milestone = (dueDate: string, doneDate: string | null) => branch((x) => {
    noRecruits(x);
    x.projects[0]!.milestones[3] = { title: '第4阶段', dueDate, doneDate };
  });

  test('due within 30 days: an item, no gap yet', () => {
    const items = ofKind(todos(milestone('2026-12-31', null), '2026-12-05'), 'project');
    expect(items.map((i) => [i.status, i.gapCode, i.dueDate])).toEqual([['due', null, '2026-12-31']]);
    expect(gapCodes(milestone('2026-12-31', null), '2026-12-05')).not.toContain('secretary_project');
  });

  test('overdue: the item carries the gap; done: both gone', () => {
    const late = milestone('2026-11-20', null);
    expect(ofKind(todos(late, '2026-12-05'), 'project').map((i) => [i.status, i.gapCode])).toEqual([['overdue', 'secretary_project']]);
    expect(gapCodes(late, '2026-12-05')).toContain('secretary_project');
    const done = milestone('2026-11-20', '2026-12-01');
    expect(ofKind(todos(done, '2026-12-05'), 'project')).toEqual([]);
    expect(gapCodes(done, '2026-12-05')).not.toContain('secretary_project');
  });

  test('no project: due by the end of the setup month, then the score\'s gap is the item', () => {
    const none = branch((x) => { noRecruits(x); x.projects = []; });
    expect(gapCodes(none, '2026-03-30')).not.toContain('secretary_project');
    expect(ofKind(todos(none, '2026-03-30'), 'project').map((i) => [i.status, i.dueDate])).toEqual([['due', '2026-03-31']]);
    expect(gapCodes(none, '2026-03-31')).toContain('secretary_project');
    expect(ofKind(todos(none, '2026-04-01'), 'project').map((i) => [i.title, i.status, i.gapCode])).toEqual([['确定2026年书记项目', 'overdue', 'secretary_project']]);
  });
});

test('a returned record is an item that opens the record to correct', () => {
  const f: TodoBranchFacts = { ...branch(noRecruits), returnedMeetings: [{ id: 91, type: 'committee_meeting', date: '2026-11-05', reason: '缺少会议记录' }] };
  const [item] = ofKind(branchTodos(asOn(f, '2026-12-01'), DEFAULT_RULES, { asOf: '2026-12-01' }), 'meeting_returned');
  expect(item!.detail).toContain('缺少会议记录');
  expect(item!.target).toEqual({ form: 'meeting_edit', orgId: 11, meetingId: 91 });
});
