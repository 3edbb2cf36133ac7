import { yearFraction } from './dates.js';
import type { Rng } from './rng.js';
import type { GenCtx, MemberRow, UnitCtx } from './types.js';

/**
 * Study hours per member per year. 《2019—2023年全国党员教育培训工作规划》:
 * every member at least 32 学时 a year, branch committee members at least 56.
 * The as-of year is recorded as accumulated so far (pro-rated to the as-of date).
 */
export const STUDY_HOURS_MEMBER = 32;
export const STUDY_HOURS_COMMITTEE = 56;

const round1 = (x: number) => Math.round(x * 10) / 10;

export function buildStudy(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  const [prevYear, year] = ctx.years;
  const fraction = yearFraction(year, ctx.asOf);
  for (const unit of units) {
    for (const br of unit.branches) {
      const brng = rng.fork('study', br.id);
      const onCommittee = new Set(br.committee?.members.map((s) => s.member.id) ?? []);
      const others = br.members.filter((m) => !onCommittee.has(m.id));
      // A seeded branch leaves a third to a half of its members behind (the year before, a quarter).
      const low = br.problems.has('lowStudyHours');
      const behind = new Set<MemberRow>(low ? brng.sample(others, Math.floor(br.members.length * brng.real(0.35, 0.55))) : []);
      if (low && br.committee) behind.add(brng.pick(br.committee.members).member);
      for (const m of br.members) {
        const committee = onCommittee.has(m.id);
        // Targets chosen so a sound member is above the requirement even before pro-rating.
        const annual = committee ? brng.real(66, 96) : brng.real(38, 72);
        const required = committee ? STUDY_HOURS_COMMITTEE : STUDY_HOURS_MEMBER;
        const prev = low && !committee && brng.chance(0.25) ? brng.real(18, 31) : annual * brng.real(0.95, 1.1);
        const now = behind.has(m) ? required * fraction * brng.real(0.35, 0.85) : annual * fraction * brng.real(0.97, 1.05);
        ctx.data.memberStudy.push({ id: ctx.nextId('memberStudy'), memberId: m.id, year: prevYear, hours: round1(prev) });
        ctx.data.memberStudy.push({ id: ctx.nextId('memberStudy'), memberId: m.id, year, hours: round1(now) });
      }
    }
  }
}
