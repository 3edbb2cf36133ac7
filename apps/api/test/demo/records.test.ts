import { beforeAll, describe, expect, it } from 'vitest';
import { generateCommission, type DemoData } from '../../src/demo/index.js';
import { demoIndex, plusYears, type DemoIndex } from './detect.js';

let data: DemoData;
let x: DemoIndex;
beforeAll(() => {
  data = generateCommission();
  x = demoIndex(data);
});

describe('branch committees', () => {
  it('give every branch exactly one current committee of its own members, with a 3-year term', () => {
    for (const b of x.branches) {
      const current = data.committees.filter((c) => c.orgId === b.id && c.endedDate == null);
      expect(current, b.name).toHaveLength(1);
      expect(current[0]!.termYears).toBe(3);
      for (const seat of x.seatsOf(b.id)) expect(seat.member.orgId, b.name).toBe(b.id);
    }
  });

  it('seat 3–7 members where there are 7+ full members, and only a secretary (and deputy) elsewhere', () => {
    for (const b of x.branches) {
      const seats = x.seatsOf(b.id);
      expect(seats.filter((s) => s.role === 'secretary'), b.name).toHaveLength(1);
      if (x.fullCount(b.id) >= 7) {
        expect(seats.length).toBeGreaterThanOrEqual(3);
        expect(seats.length).toBeLessThanOrEqual(7);
      } else {
        expect(seats.every((s) => s.role === 'secretary' || s.role === 'deputy_secretary'), b.name).toBe(true);
      }
    }
  });

  it('elect secretaries with at least a year of 党龄 at the election, mostly part-time', () => {
    const secretaries = x.branches.map((b) => ({ b, s: x.seatsOf(b.id).find((seat) => seat.role === 'secretary')! }));
    for (const { b, s } of secretaries) {
      expect(s.member.category).toBe('full');
      expect(plusYears(s.member.fullDate!, 1) <= x.committeeByOrg.get(b.id)!.electedDate, b.name).toBe(true);
    }
    expect(secretaries.filter(({ s }) => !s.fullTime).length / secretaries.length).toBeGreaterThan(0.85);
  });

  it('keep earlier committees as history, ended on the day the next was elected', () => {
    const ended = data.committees.filter((c) => c.endedDate != null);
    expect(ended.length).toBeGreaterThan(0);
    for (const c of ended) {
      expect(c.endedDate).toBe(x.committeeByOrg.get(c.orgId)!.electedDate);
      expect(c.electedDate < c.endedDate!).toBe(true);
    }
  });
});

describe('组织生活', () => {
  it('runs from the start of the year before the previous one up to the as-of date, with present ≤ expected', () => {
    for (const m of data.meetings) {
      expect(m.date >= `${x.year - 2}-01-01` && m.date <= x.asOf, m.date).toBe(true);
      expect(m.present).toBeLessThanOrEqual(m.expected);
      expect(m.present).toBeGreaterThanOrEqual(0);
      expect(m.topic.length).toBeGreaterThan(0);
    }
  });

  it('holds 党小组会 only in branches with groups and 支委会 only where a committee sits', () => {
    const withGroups = new Set(data.orgs.filter((o) => o.kind === 'party_group').map((o) => o.parentId));
    for (const m of data.meetings) {
      if (m.type === 'group_meeting') expect(withGroups.has(m.orgId)).toBe(true);
      if (m.type === 'committee_meeting') expect(x.seatsOf(m.orgId).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('expects roughly the whole branch at a 党员大会', () => {
    const last = data.meetings.filter((m) => m.type === 'general_meeting' && m.date.startsWith(`${x.year}-`));
    for (const m of last) expect(m.expected).toBe((x.membersByOrg.get(m.orgId) ?? []).length);
  });

  it('holds a 组织生活会 and a 民主评议党员 in every branch in the previous year', () => {
    for (const type of ['life_meeting', 'member_review']) {
      const held = new Set(data.meetings.filter((m) => m.type === type && m.date.startsWith(`${x.year - 1}-`)).map((m) => m.orgId));
      expect(held.size, type).toBe(x.branches.length);
    }
  });
});

describe('work records', () => {
  it('gives 书记项目 3–5 milestones within their year, done dates only on or before the as-of date', () => {
    const byProject = new Map<number, typeof data.projectMilestones>();
    for (const m of data.projectMilestones) byProject.set(m.projectId, [...(byProject.get(m.projectId) ?? []), m]);
    for (const p of data.secretaryProjects) {
      const ms = byProject.get(p.id) ?? [];
      expect(ms.length).toBeGreaterThanOrEqual(3);
      expect(ms.length).toBeLessThanOrEqual(5);
      for (const m of ms) {
        expect(m.dueDate.startsWith(`${p.year}-`)).toBe(true);
        if (m.doneDate) expect(m.doneDate <= x.asOf).toBe(true);
      }
      if (p.status === 'completed') expect(ms.every((m) => m.doneDate) && p.review).toBeTruthy();
    }
    const prev = data.secretaryProjects.filter((p) => p.year === x.year - 1);
    expect(prev.filter((p) => p.status === 'completed').length / prev.length).toBeGreaterThan(0.8);
  });

  it('leads each 先锋岗 by a member of its branch', () => {
    expect(data.vanguardPosts.length).toBeGreaterThan(x.branches.length / 2);
    for (const v of data.vanguardPosts) expect(x.memberById.get(v.leaderMemberId!)!.orgId).toBe(v.orgId);
  });

  it('moves recruits through the stages with the 细则 intervals (≥1 year as activist, 1 year probation)', () => {
    const order = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const;
    const dateOf = { applicant: 'applicationDate', activist: 'activistDate', candidate: 'candidateDate', probationary: 'probationaryDate', full: 'fullDate' } as const;
    for (const r of data.recruits) {
      const reached = order.slice(0, order.indexOf(r.stage) + 1);
      for (const s of order) expect(Boolean(r[dateOf[s]]), `${r.name} ${s}`).toBe(reached.includes(s));
      const dates = reached.map((s) => r[dateOf[s]]!);
      expect([...dates].sort()).toEqual(dates);
      expect(dates.at(-1)! <= x.asOf).toBe(true);
      if (r.candidateDate) expect(plusYears(r.activistDate!, 1) <= r.candidateDate).toBe(true);
      if (r.fullDate) expect(r.fullDate).toBe(plusYears(r.probationaryDate!, 1));
    }
    const stages = new Set(data.recruits.map((r) => r.stage));
    expect([...stages].sort()).toEqual([...order].sort());
    expect(data.recruits.some((r) => r.isTalent)).toBe(true);
  });

  it('keeps unit records for the three years: plans, reviews, checklists of 10–19 items, party workers for every unit', () => {
    for (const u of x.units) {
      expect(data.secretaryReviews.filter((r) => r.orgId === u.id).map((r) => r.year).sort()).toEqual([x.year - 2, x.year - 1, x.year]);
      for (const year of [x.year - 2, x.year - 1, x.year]) {
        const items = data.responsibilityItems.filter((i) => i.unitId === u.id && i.year === year);
        expect(items.length).toBeGreaterThanOrEqual(10);
        expect(items.length).toBeLessThanOrEqual(19);
        expect(items.filter((i) => i.done).length / items.length).toBeGreaterThan(0.8);
      }
      expect(data.partyWorkers.some((w) => w.unitId === u.id)).toBe(true);
      const prevPlan = data.unitPlans.find((p) => p.unitId === u.id && p.year === x.year - 1);
      expect(prevPlan?.submittedDate.startsWith(`${x.year - 1}-`)).toBe(true);
    }
    const fullTime = x.units.filter((u) => data.partyWorkers.some((w) => w.unitId === u.id && w.fullTime && w.endDate == null));
    expect(fullTime.length).toBeGreaterThan(x.units.length / 2);
  });
});
