import { addDays, ymd, yearOf } from './dates.js';
import { personName } from './names.js';
import type { Rng } from './rng.js';
import { RESPONSIBILITY_ITEMS, REVIEW_COMMENTS, WORKER_POSITIONS } from './texts.js';
import type { GenCtx, UnitCtx } from './types.js';

/**
 * 责任落实 records of each unit: the annual party-work plan (due in Q1), the
 * party workers (专职 or 兼职), the secretary's 述职评议 grade and the
 * responsibility checklist (全面从严治党主体责任清单).
 */
export function buildUnitRecords(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) {
    const urng = rng.fork('unit-records', unit.id);
    buildPlans(ctx, urng, unit);
    buildWorkers(ctx, urng, unit);
    const secretaryName = personName(urng, urng.chance(0.7) ? 'male' : 'female');
    for (const year of ctx.years) {
      const grade = urng.weighted([['excellent', 40], ['good', 45], ['fair', 15]] as const);
      ctx.data.secretaryReviews.push({
        id: ctx.nextId('secretaryReviews'), orgId: unit.id, year, secretaryName, grade, comment: urng.pick(REVIEW_COMMENTS[grade]),
        version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
      });
      const current = year === yearOf(ctx.asOf);
      const items = urng.sample(RESPONSIBILITY_ITEMS, urng.int(10, RESPONSIBILITY_ITEMS.length));
      // Closed years are done; the as-of year runs a little ahead of the calendar (10 of 12 months ≈ 83%).
      const done = current ? Math.ceil(items.length * urng.real(0.86, 0.97)) : items.length;
      items.forEach((title, i) => {
        ctx.data.responsibilityItems.push({
          id: ctx.nextId('responsibilityItems'), unitId: unit.id, year, title, done: i < done,
          version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
        });
      });
    }
  }
}

function buildPlans(ctx: GenCtx, rng: Rng, unit: UnitCtx): void {
  for (const year of ctx.years) {
    const current = year === yearOf(ctx.asOf);
    if (current && unit.problems.has('noPlan')) continue;
    const late = current && unit.problems.has('latePlan');
    // Plans are due by the end of Q1; a late one arrives in Q2.
    const planned = late ? ymd(year, rng.int(4, 6), rng.int(5, 28)) : ymd(year, rng.int(1, 3), rng.int(5, 25));
    const submittedDate = planned < ctx.asOf ? planned : addDays(ctx.asOf, -1);
    ctx.data.unitPlans.push({
      id: ctx.nextId('unitPlans'), unitId: unit.id, year, title: `${unit.name}${year}年党建工作计划`,
      content: `围绕${year}年卫生健康中心工作，落实全面从严治党主体责任，推进支部标准化规范化建设、“三会一课”、书记项目和党员先锋岗创建。`,
      fileName: `${unit.institutionName}${year}年党建工作计划.docx`, submittedDate,
      version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    });
  }
}

/**
 * Full-time party workers scale with the roll (roughly one per 150–200 members);
 * a unit seeded without one has only part-time (兼职) staff, sometimes after its
 * last full-time worker left.
 */
function buildWorkers(ctx: GenCtx, rng: Rng, unit: UnitCtx): void {
  const memberCount = unit.branches.reduce((a, b) => a + b.members.length, 0);
  const noFullTime = unit.problems.has('noFullTimeWorker');
  const positions = WORKER_POSITIONS[unit.spec.kind];
  const fullTime = noFullTime ? 0 : Math.max(1, Math.round(memberCount / 180)) + (rng.chance(0.3) ? 1 : 0);
  const partTime = noFullTime ? rng.int(1, 2) : rng.int(0, 1);
  const [y0] = ctx.years;
  const add = (position: string, isFull: boolean, startDate: string, endDate: string | null) =>
    ctx.data.partyWorkers.push({
      id: ctx.nextId('partyWorkers'), unitId: unit.id, name: personName(rng, rng.chance(0.6) ? 'female' : 'male'), position,
      fullTime: isFull, startDate, endDate, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    });
  for (let i = 0; i < fullTime; i++) add(positions[Math.min(i, positions.length - 1)]!, true, ymd(rng.int(2012, 2024), rng.int(1, 12), rng.int(1, 28)), null);
  for (let i = 0; i < partTime; i++) add('兼职党务干事', false, ymd(rng.int(2015, 2025), rng.int(1, 12), rng.int(1, 28)), null);
  if (noFullTime || rng.chance(0.3)) {
    // History: a full-time worker who left during the record years.
    add(positions[0]!, true, ymd(rng.int(2010, 2018), rng.int(1, 12), rng.int(1, 28)), ymd(y0, rng.int(2, 11), rng.int(1, 28)));
  }
}
