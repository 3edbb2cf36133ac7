import { describe, expect, it } from 'vitest';
import { MEETING_TYPES, TITLE_LEVELS, type MeetingType, type TitleLevel } from '@wj/domain';
import {
  DEFAULT_RULES, isDualLeader, scoreBranch, scoreUnit, type BranchFacts, type MemberFact, type UnitFacts,
} from '@wj/domain/quality';
import { planStatus } from '@/features/units/lib/plan-status';
import { meetingCompliance } from '@/features/org-life/lib/compliance';

/**
 * Issue 13, one rule in one place: the same random branches go to the web's
 * views (the 三会一课 strip, the plan status, the 双带头人 mark) and to the
 * score; the two must never disagree. A seeded generator keeps a failure
 * reproducible; dates fall before founding, after the as-of day and across
 * years on purpose. It spans features (组织生活, 单位责任), so it sits in
 * app/, which composes them.
 */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
type R = ReturnType<typeof rng>;
const pad = (n: number) => String(n).padStart(2, '0');
const date = (r: R, year: number) => `${year}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;

function member(id: number, r: R): MemberFact {
  return {
    id, birthDate: '1980-03-01', joinDate: '2005-01-01', fullDate: '2006-01-01', category: 'full', employment: 'in_service',
    titleLevel: r.pick(TITLE_LEVELS) as TitleLevel, isTalent: false, isDeptHead: r.chance(0.3), studyHours: 60, rosterComplete: true,
  };
}

function randomBranch(r: R, year: number): BranchFacts {
  const members = Array.from({ length: r.int(3, 20) }, (_, i) => member(i + 1, r));
  const meetings = Array.from({ length: r.int(0, 60) }, () => {
    const expected = r.int(0, 20);
    return { type: r.pick(MEETING_TYPES) as MeetingType, date: date(r, r.chance(0.85) ? year : year + r.pick([-1, 1])), expected, present: r.int(0, expected + 2) };
  });
  const s = members[0]!;
  return {
    orgId: 1, name: '测试党支部', unitId: 1, category: r.chance(0.2) ? 'retired' : 'in_service', hasGroups: r.chance(0.5),
    foundedDate: r.chance(0.4) ? date(r, year) : null,
    members, meetings, brands: [], projects: [], vanguardPosts: [], recruits: [],
    committee: {
      electedDate: `${year - 1}-02-01`, termYears: 3,
      members: [{ memberId: s.id, role: 'secretary', fullTime: false, otherPosts: 0, birthDate: s.birthDate, joinDate: s.joinDate, titleLevel: s.titleLevel, isDeptHead: s.isDeptHead, studyHours: 60 }],
    },
  };
}

const YEAR = 2026;
const CASES = 300;

describe('the web views and the score agree on random branches', () => {
  it('三会一课 strip: every kind of meeting has the same due, held and verdict as the score', () => {
    const r = rng(13);
    for (let i = 0; i < CASES; i++) {
      const f = randomBranch(r, YEAR);
      const asOf = r.chance(0.3) ? `${YEAR}-12-31` : date(r, YEAR);
      const fullCount = f.members.filter((m) => m.category === 'full').length;
      const score = scoreBranch(f, DEFAULT_RULES, { year: YEAR, asOf });
      const strip = meetingCompliance({
        meetings: f.meetings, rules: DEFAULT_RULES, year: YEAR, asOf, foundedDate: f.foundedDate, hasGroups: f.hasGroups, fullCount,
      });
      const ctx = `case ${i}: founded ${f.foundedDate}, asOf ${asOf}`;
      for (const item of strip) {
        const ind = score.indicators.find((x) => x.code === item.key)!;
        if (item.key === 'attendance') {
          const want = { met: 'met', warn: 'partial', short: 'unmet', na: 'na', pending: 'na' }[item.status];
          expect(ind.status, `${ctx} attendance`).toBe(want);
          continue;
        }
        if (item.status === 'na') { expect(ind.status, `${ctx} ${item.key}`).toBe('na'); continue; }
        if (item.due > 0) {
          expect(ind.possible > 0, `${ctx} ${item.key} due`).toBe(true);
          expect(ind.earned / ind.possible, `${ctx} ${item.key} share`).toBeCloseTo(item.held / item.due, 2);
          expect(ind.status === 'met', `${ctx} ${item.key} verdict`).toBe(item.status === 'met');
        } else {
          // Nothing due: a yearly meeting held early is met in both (and earns its points); otherwise nothing is at stake.
          if (item.status === 'met') expect(ind.status, `${ctx} ${item.key} early`).toBe('met');
          else expect(ind.possible, `${ctx} ${item.key} nothing due`).toBe(0);
        }
      }
    }
  });

  it('年度计划 status: the web\'s tag is the score\'s verdict, whatever the deadline month', () => {
    const r = rng(7);
    const want = { on_time: ['met'], late: ['partial'], missing: ['unmet'], not_due: ['partial', 'na'] } as const;
    for (let i = 0; i < CASES; i++) {
      const rules = structuredClone(DEFAULT_RULES);
      rules.params.planDueMonth = r.int(1, 12);
      const asOf = date(r, YEAR);
      const submitted = r.chance(0.8) ? date(r, r.chance(0.9) ? YEAR : YEAR - 1) : null;
      const facts: UnitFacts = {
        orgId: 1, name: '单位', memberCount: 100, plan: submitted ? { submittedDate: submitted } : null,
        partyWorkers: [], reviewGrade: 'good', responsibilityItems: { total: 10, done: 10 },
      };
      const unit = scoreUnit(facts, [], rules, { year: YEAR, asOf });
      const ind = unit.indicators.find((x) => x.code === 'unit_plan')!;
      const plan = submitted ? { id: 1, unitId: 1, year: YEAR, title: 't', content: null, fileName: null, submittedDate: submitted, version: 1, updatedAt: '', updatedBy: null } : undefined;
      const tag = planStatus(YEAR, plan, asOf, rules.params);
      expect(want[tag] as readonly string[], `case ${i}: due month ${rules.params.planDueMonth}, submitted ${submitted}, asOf ${asOf}`).toContain(ind.status);
    }
  });

  it('双带头人: the committee table\'s mark is the score\'s verdict for in-service branches', () => {
    const r = rng(29);
    for (let i = 0; i < CASES; i++) {
      const f = randomBranch(r, YEAR);
      f.category = 'in_service';
      const s = f.committee!.members[0]!;
      const ind = scoreBranch(f, DEFAULT_RULES, { year: YEAR, asOf: `${YEAR}-12-31` }).indicators.find((x) => x.code === 'secretary_dual_leader')!;
      expect(ind.status === 'met', `case ${i}: ${s.titleLevel} ${s.isDeptHead}`).toBe(isDualLeader(s));
    }
  });
});
