import { addDays, daysInMonth, ymd, yearOf } from './dates.js';
import type { Rng } from './rng.js';
import {
  BRAND_NAMES, brandFits, MILESTONE_TITLES, NAMED_BRANDS, PROJECT_THEMES, RETIRED_BRAND_NAMES, RETIRED_PROJECT_THEMES, VANGUARD_PATTERNS,
} from './texts.js';
import type { BranchCtx, GenCtx, UnitCtx } from './types.js';

/** 作用发挥: 支部品牌, 书记项目 with milestones, 党员先锋岗. */

export function buildBrands(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  const branches = units.flatMap((u) => u.branches);
  const named = NAMED_BRANDS.map((nb) => {
    const unit = units.find((u) => u.spec.institutionName === nb.institutionName);
    const br = unit?.branches.find((b) => b.name === nb.branchName);
    if (!br) throw new Error(`named brand branch missing: ${nb.institutionName} ${nb.branchName}`);
    return { br, name: nb.brand };
  });
  const taken = new Set(named.map((n) => n.br));
  // The survey counts “50余个” brands; they sit mostly on the sounder branches.
  const rest = rng.shuffle(branches.filter((b) => !taken.has(b)))
    .map((b) => ({ b, key: b.problems.size + rng.real(0, 2.5) }))
    .sort((x, y) => x.key - y.key)
    .map((x) => x.b)
    .slice(0, rng.int(48, 53));
  const pick = brandPicker(rng);
  const list = [
    ...named.map((n) => ({ br: n.br, name: n.name, year: rng.int(2019, 2021) })),
    ...rest.map((br) => ({ br, name: pick(br), year: rng.int(2017, 2025) })),
  ];
  for (const { br, name, year } of list) {
    ctx.data.brands.push({
      id: ctx.nextId('brands'), orgId: br.id, name,
      description: br.category === 'retired' ? `以“${name}”为载体，组织离退休党员发挥余热、服务群众` : `以“${name}”为载体，推动党建与${br.department}业务深度融合`,
      createdYear: year, active: true, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    });
    taken.add(br);
  }
  // A few brands that lapsed — kept as history, not counted as active.
  for (const br of rng.sample(branches.filter((b) => !taken.has(b)), rng.int(2, 4))) {
    ctx.data.brands.push({
      id: ctx.nextId('brands'), orgId: br.id, name: `${br.category === 'retired' ? '老党员' : br.department}${rng.pick(['先锋行', '红旗岗'])}`, description: '品牌创建后未持续开展，已停用',
      createdYear: rng.int(2015, 2018), active: false, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    });
  }
}

/**
 * Picks a brand name that fits the branch (its department, kind and institution,
 * or a retirees' name): the least used of the fitting names, a name made for the
 * department over a generic one two times in three, ties broken by the stream.
 */
function brandPicker(rng: Rng): (br: BranchCtx) => string {
  const used = new Map<string, number>();
  const order = rng.shuffle([...BRAND_NAMES, ...RETIRED_BRAND_NAMES]);
  return (br) => {
    const where = { department: br.department, deptKind: br.deptKind, retired: br.category === 'retired', institutionName: br.unit.institutionName };
    const fitting = order.filter((n) => brandFits(n.fit, where));
    const least = Math.min(...fitting.map((n) => used.get(n.name) ?? 0));
    const fresh = fitting.filter((n) => (used.get(n.name) ?? 0) === least);
    const specific = fresh.filter((n) => typeof n.fit !== 'string' || n.fit === 'retired');
    const choice = specific.length > 0 && (specific.length === fresh.length || rng.chance(2 / 3)) ? specific[0]! : fresh[0]!;
    used.set(choice.name, (used.get(choice.name) ?? 0) + 1);
    return choice.name;
  };
}

/**
 * 书记项目: one per branch per year (unless seeded without), 3–5 milestones through
 * the year. Past years are closed with a review; in the as-of year every
 * milestone due before the as-of date is done, unless the branch is seeded as lagging.
 */
export function buildProjects(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) {
    for (const br of unit.branches) {
      for (const year of ctx.years) {
        const prng = rng.fork('project', br.id, year);
        const current = year === yearOf(ctx.asOf);
        const lagging = current && br.problems.has('laggingProject');
        if (current ? br.problems.has('noProject') : !prng.chance(0.95)) continue;
        addProject(ctx, prng, br, year, current, lagging);
      }
    }
  }
}

export function addProject(ctx: GenCtx, rng: Rng, br: BranchCtx, year: number, current: boolean, lagging: boolean): void {
  const [title, goal, businessGoal] = rng.pick(br.category === 'retired' ? RETIRED_PROJECT_THEMES : PROJECT_THEMES);
  const count = rng.int(3, 5);
  const dues = Array.from({ length: count }, (_, i) => {
    const month = Math.max(2, Math.round(((i + 1) * 12) / count));
    const due = ymd(year, month, rng.int(10, daysInMonth(year, month) - 2));
    return due === ctx.asOf ? addDays(due, 1) : due; // never due on the as-of day itself: no ambiguity
  });
  const titles = [MILESTONE_TITLES[0], ...rng.sample(MILESTONE_TITLES.slice(1, -1), count - 2), MILESTONE_TITLES[MILESTONE_TITLES.length - 1]];
  const pastDue = dues.filter((d) => d < ctx.asOf).length;
  // Past years: nearly all done; the as-of year: done up to the as-of date, the lagging ones stall 1–2 steps.
  let doneCount = !current ? (rng.chance(0.9) ? count : count - 1) : pastDue;
  if (lagging) doneCount = Math.max(0, pastDue - rng.int(1, Math.min(2, pastDue)));
  const projectId = ctx.nextId('secretaryProjects');
  dues.forEach((due, i) => {
    const done = i < doneCount ? addDays(due, -rng.int(0, 15)) : null;
    ctx.data.projectMilestones.push({ id: ctx.nextId('projectMilestones'), projectId, title: titles[i]!, dueDate: due, doneDate: done && done < ymd(year, 1, 1) ? ymd(year, 1, 2) : done });
  });
  const completed = doneCount === count;
  const status = completed ? 'completed' : doneCount === 0 && pastDue === 0 ? 'planned' : 'in_progress';
  ctx.data.secretaryProjects.push({
    id: projectId, orgId: br.id, year, title: `${br.category === 'retired' ? '' : br.department}${title}`, goal, businessGoal,
    status, progress: Math.round((100 * doneCount) / count),
    review: completed ? `项目按计划完成：${goal}，${businessGoal}目标基本实现` : !current ? '受业务任务调整影响，项目未完成全部节点，转入下一年度跟进' : null,
    version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
  });
}

/** 党员先锋岗 on the working branches (the 县 survey: 统一开展“党员先锋岗”创建活动). */
export function buildVanguardPosts(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) {
    for (const br of unit.branches) {
      const vrng = rng.fork('vanguard', br.id);
      const retired = br.category === 'retired';
      const staff = br.members.filter((m) => m.category === 'full' && (retired || m.employment === 'in_service'));
      if (staff.length < 3) continue;
      // Sound branches nearly all set posts up; weak ones and retirees' branches less often.
      const rate = retired ? 0.3 : br.problems.size === 0 ? 0.95 : 0.7;
      for (const year of ctx.years) {
        if (!vrng.chance(rate)) continue;
        for (let k = vrng.chance(0.8) ? 1 : 2; k > 0; k--) {
          const name = retired ? '老党员志愿服务岗' : vrng.pick(VANGUARD_PATTERNS).replace('{dept}', br.department);
          ctx.data.vanguardPosts.push({
            id: ctx.nextId('vanguardPosts'), orgId: br.id, year, name, leaderMemberId: vrng.pick(staff).id,
            memberCount: vrng.int(3, Math.min(12, staff.length)), description: `${br.department}党员亮身份、当先锋，带头攻坚急难险重任务`,
            version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
          });
        }
      }
    }
  }
}
