import { ymd } from './dates.js';
import { branchYear } from './meetings.js';
import type { Rng } from './rng.js';
import { STUDY_HOURS_COMMITTEE, STUDY_HOURS_MEMBER } from './study.js';
import { RESPONSIBILITY_ITEMS, REVIEW_COMMENTS, VANGUARD_PATTERNS } from './texts.js';
import type { GenCtx, UnitCtx } from './types.js';
import { addProject } from './work.js';

/**
 * The year before the two record years (2024 for the 2026 demo), so that the
 * dashboard and the report can set three years side by side. It is built
 * after everything else, from forks of its own, and its rows are appended to
 * each table: the two later years keep every row, id and figure they had.
 * It is a closed year: meetings, study hours, 书记项目, 先锋岗, the unit's plan,
 * 述职评议 and responsibility list, as for the previous year. Seeded problems
 * show in it about half the time, as in the previous year (`branchYear`).
 */
export function buildEarlierYear(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  const year = ctx.years[0] - 1;
  const yearEnd = ymd(year, 12, 31);
  for (const unit of units) {
    for (const br of unit.branches) {
      const brng = rng.fork('branch', br.id);
      const drafts = branchYear(ctx, brng.fork('meetings'), br, year);
      drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      for (const d of drafts) {
        ctx.data.meetings.push({ id: ctx.nextId('meetings'), orgId: br.id, ...d, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo' });
      }
      study(ctx, brng.fork('study'), br, year, yearEnd);
      const prng = brng.fork('project');
      if (prng.chance(0.95)) addProject(ctx, prng, br, year, false, false);
      vanguard(ctx, brng.fork('vanguard'), br, year);
    }
    unitRecords(ctx, rng.fork('unit', unit.id), unit, year);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Members who had joined by the year's end; a branch seeded with low hours leaves a few behind. */
function study(ctx: GenCtx, rng: Rng, br: UnitCtx['branches'][number], year: number, yearEnd: string): void {
  const onCommittee = new Set(br.committee?.members.map((s) => s.member.id) ?? []);
  const low = br.problems.has('lowStudyHours');
  for (const m of br.members) {
    if (m.joinDate > yearEnd) continue;
    const committee = onCommittee.has(m.id);
    // Below the requirement only where seeded; otherwise above it (STUDY_HOURS_MEMBER, STUDY_HOURS_COMMITTEE) as in study.ts.
    const hours = low && !committee && rng.chance(0.25) ? rng.real(18, STUDY_HOURS_MEMBER - 1) : committee ? rng.real(STUDY_HOURS_COMMITTEE + 10, 96) : rng.real(38, 72);
    ctx.data.memberStudy.push({ id: ctx.nextId('memberStudy'), memberId: m.id, year, hours: round1(hours) });
  }
}

function vanguard(ctx: GenCtx, rng: Rng, br: UnitCtx['branches'][number], year: number): void {
  const retired = br.category === 'retired';
  const staff = br.members.filter((m) => m.category === 'full' && (retired || m.employment === 'in_service'));
  if (staff.length < 3) return;
  if (!rng.chance(retired ? 0.3 : br.problems.size === 0 ? 0.95 : 0.7)) return;
  for (let k = rng.chance(0.8) ? 1 : 2; k > 0; k--) {
    ctx.data.vanguardPosts.push({
      id: ctx.nextId('vanguardPosts'), orgId: br.id, year,
      name: retired ? '老党员志愿服务岗' : rng.pick(VANGUARD_PATTERNS).replace('{dept}', br.department), leaderMemberId: rng.pick(staff).id,
      memberCount: rng.int(3, Math.min(12, staff.length)), description: `${br.department}党员亮身份、当先锋，带头攻坚急难险重任务`,
      version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    });
  }
}

/** The plan (submitted in Q1), the secretary's 述职评议 (the same secretary as the year after) and a finished responsibility list. */
function unitRecords(ctx: GenCtx, rng: Rng, unit: UnitCtx, year: number): void {
  ctx.data.unitPlans.push({
    id: ctx.nextId('unitPlans'), unitId: unit.id, year, title: `${unit.name}${year}年党建工作计划`,
    content: `围绕${year}年卫生健康中心工作，落实全面从严治党主体责任，推进支部标准化规范化建设、“三会一课”、书记项目和党员先锋岗创建。`,
    fileName: `${unit.institutionName}${year}年党建工作计划.docx`, submittedDate: ymd(year, rng.int(1, 3), rng.int(5, 25)),
    version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
  });
  const later = ctx.data.secretaryReviews.find((r) => r.orgId === unit.id);
  if (later) {
    const grade = rng.weighted([['excellent', 40], ['good', 45], ['fair', 15]] as const);
    ctx.data.secretaryReviews.push({
      id: ctx.nextId('secretaryReviews'), orgId: unit.id, year, secretaryName: later.secretaryName, grade, comment: rng.pick(REVIEW_COMMENTS[grade]),
      version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    });
  }
  for (const title of rng.sample(RESPONSIBILITY_ITEMS, rng.int(10, RESPONSIBILITY_ITEMS.length))) {
    ctx.data.responsibilityItems.push({
      id: ctx.nextId('responsibilityItems'), unitId: unit.id, year, title, done: true, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    });
  }
}
