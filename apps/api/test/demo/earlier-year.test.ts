import { beforeAll, describe, expect, it } from 'vitest';
import { generateCommission, type DemoData } from '../../src/demo/index.js';
import { demoIndex, type DemoIndex } from './detect.js';

/**
 * The year before the two record years (2024 in the demo): a closed year of
 * its own, added after the later years so that their rows keep their ids.
 */
let data: DemoData;
let x: DemoIndex;
let y0: number;
beforeAll(() => {
  data = generateCommission();
  x = demoIndex(data);
  y0 = x.year - 2;
});

const yearOf = (r: { year?: number; date?: string }) => r.year ?? Number(r.date!.slice(0, 4));

describe('the earliest demo year', () => {
  it('is 2024 for the demo, and its rows come after every row of the later years in each table', () => {
    expect(y0).toBe(2024);
    const tables = { meetings: data.meetings, memberStudy: data.memberStudy, secretaryProjects: data.secretaryProjects, vanguardPosts: data.vanguardPosts,
      unitPlans: data.unitPlans, secretaryReviews: data.secretaryReviews, responsibilityItems: data.responsibilityItems };
    for (const [name, rows] of Object.entries(tables)) {
      const early = rows.filter((r) => yearOf(r) === y0).map((r) => r.id);
      const later = rows.filter((r) => yearOf(r) > y0).map((r) => r.id);
      expect(early.length, name).toBeGreaterThan(0);
      expect(Math.min(...early), name).toBeGreaterThan(Math.max(...later));
    }
  });

  it('gives every branch its 组织生活 of that year: 党员大会 in each quarter or nearly, 主题党日 in most months', () => {
    let wholeYear = 0;
    for (const b of x.branches) {
      const mine = data.meetings.filter((m) => m.orgId === b.id && m.date.startsWith(`${y0}-`));
      const quarters = new Set(mine.filter((m) => m.type === 'general_meeting').map((m) => Math.ceil(Number(m.date.slice(5, 7)) / 3)));
      const months = new Set(mine.filter((m) => m.type === 'theme_day').map((m) => m.date.slice(5, 7)));
      expect(quarters.size, b.name).toBeGreaterThanOrEqual(3);
      expect(months.size, b.name).toBeGreaterThanOrEqual(9);
      for (const m of mine) expect(m.date >= b.foundedDate!, b.name).toBe(true);
      if (quarters.size === 4 && months.size === 12) wholeYear++;
    }
    // Most branches are sound in that year too.
    expect(wholeYear / x.branches.length).toBeGreaterThan(0.7);
  });

  it('records study hours only for members who had joined by its end, and a plan submitted in its first quarter for every unit', () => {
    const study = data.memberStudy.filter((s) => s.year === y0);
    const joined = new Map(data.members.map((m) => [m.id, m.joinDate]));
    for (const s of study) expect(joined.get(s.memberId)! <= `${y0}-12-31`).toBe(true);
    const active = x.branches.flatMap((b) => x.membersByOrg.get(b.id) ?? []).filter((m) => m.joinDate <= `${y0}-12-31`);
    expect(study.length).toBeGreaterThanOrEqual(active.length);
    for (const u of x.units) {
      const plan = data.unitPlans.find((p) => p.unitId === u.id && p.year === y0);
      expect(plan?.submittedDate, u.name).toMatch(new RegExp(`^${y0}-0[1-3]-`));
      expect(data.responsibilityItems.filter((i) => i.unitId === u.id && i.year === y0).every((i) => i.done)).toBe(true);
    }
  });
});
