import type { CommitteeRole, MeetingType } from '../../src/enums.js';
import { addYears, monthEnd, ymd } from '../../src/quality/dates.js';
import type { BranchFacts, CommitteeFact, MeetingFact, MemberFact, UnitFacts } from '../../src/quality/facts.js';
import { DEFAULT_RULES, setRuleValue, type RuleSet } from '../../src/quality/rules.js';
import type { ScoreOptions } from '../../src/quality/types.js';

/**
 * Facts builders. `soundBranch(year)` meets every default rule for the whole
 * of `year` (it scores 100 at any as-of date in or after it); a test breaks
 * one thing with a mutator and checks that exactly that indicator reacts.
 */
export const YEAR = 2026;
export const YEAR_END = `${YEAR}-12-31`;
export const AT_END: ScoreOptions = { year: YEAR, asOf: YEAR_END };

export const COMMITTEE_ROLES_SOUND: CommitteeRole[] = ['secretary', 'organization', 'propaganda', 'discipline', 'youth'];
const MEMBER_COUNT = 12;

/** Born so that on `at` the person is exactly `years` old plus `days`. */
export function bornAged(at: string, years: number, days = 0): string {
  const d = new Date(`${addYears(at, -years)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export function member(id: number, over: Partial<MemberFact> = {}): MemberFact {
  return {
    id, birthDate: '1982-05-10', joinDate: '2008-06-01', fullDate: '2009-06-01', category: 'full', employment: 'in_service',
    titleLevel: 'intermediate', isTalent: false, isDeptHead: false, studyHours: 60, rosterComplete: true, ...over,
  };
}

export function committeeOf(members: MemberFact[], roles: CommitteeRole[], electedDate = '2025-01-15'): CommitteeFact {
  return {
    electedDate, termYears: 3,
    members: roles.map((role, i) => {
      const m = members[i]!;
      return {
        memberId: m.id, role, fullTime: false, otherPosts: role === 'secretary' ? 1 : 0, birthDate: m.birthDate, joinDate: m.joinDate,
        titleLevel: m.titleLevel, isDeptHead: m.isDeptHead, studyHours: m.studyHours,
      };
    }),
  };
}

const meeting = (type: MeetingType, date: string, expected = MEMBER_COUNT, present = expected - 1): MeetingFact => ({ type, date, expected, present });

/** Every meeting the default rules ask for in `year`, mid-period, 11 of 12 present (91.7%). */
export function fullYearMeetings(year: number): MeetingFact[] {
  const out: MeetingFact[] = [];
  for (let m = 1; m <= 12; m++) {
    out.push(meeting('committee_meeting', ymd(year, m, 5), 5, 5), meeting('group_meeting', ymd(year, m, 12)), meeting('theme_day', ymd(year, m, 15)));
    if (m % 3 === 2) out.push(meeting('general_meeting', ymd(year, m, 10)), meeting('party_lecture', ymd(year, m, 20)));
  }
  out.push(meeting('life_meeting', ymd(year, 6, 25)), meeting('member_review', ymd(year, 6, 26)));
  return out;
}

export function soundBranch(year = YEAR): BranchFacts {
  const members = Array.from({ length: MEMBER_COUNT }, (_, i) => member(i + 1, i === 0 ? { isDeptHead: true } : {}));
  return {
    orgId: 11, name: '急救党支部', unitId: 1, foundedDate: null, category: 'in_service', hasGroups: true,
    members,
    committee: committeeOf(members, COMMITTEE_ROLES_SOUND, `${year - 1}-01-15`),
    meetings: fullYearMeetings(year),
    brands: [{ name: '120救（就）在身边', active: true, createdYear: year - 3 }],
    projects: [{
      year, title: '胸痛中心救治提速', status: 'in_progress', progress: 100,
      milestones: [3, 6, 9, 12].map((m) => ({ title: `第${m / 3}阶段`, dueDate: monthEnd(year, m), doneDate: ymd(year, m, 1) })),
    }],
    vanguardPosts: [{ year, memberCount: 4 }],
    recruits: [{
      stage: 'activist', status: 'active', isTalent: true, applicationDate: `${year - 1}-03-01`, activistDate: `${year - 1}-09-01`,
      candidateDate: null, probationaryDate: null, fullDate: null,
    }],
  };
}

/** A sound branch with one thing changed. */
export function branch(mutate?: (f: BranchFacts) => void, year = YEAR): BranchFacts {
  const f = soundBranch(year);
  mutate?.(f);
  return f;
}

export function soundUnit(year = YEAR): UnitFacts {
  return {
    orgId: 1, name: '市人民医院党委', memberCount: 420,
    plan: { submittedDate: `${year}-02-20` },
    partyWorkers: [{ fullTime: true, startDate: '2020-01-01', endDate: null }],
    reviewGrade: 'good',
    responsibilityItems: { total: 19, done: 19 },
  };
}

export function unit(mutate?: (f: UnitFacts) => void, year = YEAR): UnitFacts {
  const f = soundUnit(year);
  mutate?.(f);
  return f;
}

export function rulesWith(changes: Record<string, unknown>, base: RuleSet = DEFAULT_RULES): RuleSet {
  return Object.entries(changes).reduce((r, [path, v]) => setRuleValue(r, path, v), base);
}
