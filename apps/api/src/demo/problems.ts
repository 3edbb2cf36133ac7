import type { Rng } from './rng.js';
import type { BranchCtx, BranchProblem, GenCtx, UnitCtx, UnitProblem } from './types.js';

/**
 * Plants the survey's problems deterministically. Most branches stay sound: the
 * problems are drawn from a "weak" pool of about two fifths of the branches,
 * so weak branches tend to carry several gaps at once, as in real life.
 */
const WEAK_SHARE = 0.42;

/** Share of all branches that get each problem, and who can have it. */
const BRANCH_RATES: readonly { key: BranchProblem; share: [number, number]; eligible: (b: BranchCtx) => boolean }[] = [
  // The survey: many secretaries are not 双带头人 — a sizeable minority.
  // 双带头人 is about in-service 业务骨干; a retirees' branch is not judged on it.
  { key: 'notDualLeader', share: [0.16, 0.22], eligible: (b) => b.category !== 'retired' },
  { key: 'committeeVacancy', share: [0.07, 0.1], eligible: (b) => planned(b) >= 12 },
  { key: 'oldCommittee', share: [0.04, 0.06], eligible: (b) => b.category !== 'retired' && b.plannedInService >= 10 },
  { key: 'partTimeOverload', share: [0.1, 0.14], eligible: () => true },
  { key: 'termExpired', share: [0.06, 0.09], eligible: () => true },
  { key: 'irregularMeetings', share: [0.09, 0.12], eligible: () => true },
  { key: 'missingThemeDay', share: [0.06, 0.08], eligible: () => true },
  { key: 'lowAttendance', share: [0.05, 0.07], eligible: () => true },
  // 书记项目 is not judged of 离退休党支部 by default (rule set: appliesToRetired).
  { key: 'laggingProject', share: [0.1, 0.14], eligible: (b) => b.category !== 'retired' },
  { key: 'lowStudyHours', share: [0.05, 0.07], eligible: (b) => planned(b) >= 5 },
  { key: 'incompleteRoster', share: [0.03, 0.05], eligible: () => true },
  { key: 'noRecruitPipeline', share: [0.05, 0.07], eligible: (b) => b.category !== 'retired' },
  { key: 'noProject', share: [0.04, 0.06], eligible: (b) => b.category !== 'retired' && !b.problems.has('laggingProject') },
];

const planned = (b: BranchCtx) => b.plannedInService + b.plannedRetired;

export function pickProblems(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  const branches = units.flatMap((u) => u.branches);
  // Oversized branches were planned with the org tree (their size is the problem).
  for (const b of branches) if (planned(b) > 50) mark(ctx, b, 'oversized');

  const weak = rng.shuffle(branches).slice(0, Math.round(branches.length * WEAK_SHARE));
  for (const rate of BRANCH_RATES) {
    const pool = weak.filter(rate.eligible);
    const count = Math.max(1, Math.round(branches.length * rng.real(...rate.share)));
    for (const b of rng.sample(pool, count)) mark(ctx, b, rate.key);
  }

  // Unit problems (the 县 survey: 许多单位没有制定年度党建工作计划; 绝大多数没有配备专职党务干部;
  // 没有摸清高层次人才发展入党需求) — each in a minority of the 12 units.
  const noPlan = rng.sample(units, 1);
  const latePlan = rng.sample(units.filter((u) => !noPlan.includes(u)), rng.int(1, 2));
  const branchLevel = units.filter((u) => u.spec.kind === 'branch');
  const noFullTime = rng.sample(branchLevel, rng.int(1, 2));
  const smaller = units.filter((u) => u.spec.kind !== 'party_committee');
  const noTalent = rng.sample(smaller, rng.int(2, 3));
  for (const [key, list] of [['noPlan', noPlan], ['latePlan', latePlan], ['noFullTimeWorker', noFullTime], ['noTalentUnit', noTalent]] as const) {
    for (const u of list) markUnit(ctx, u, key);
  }

  // 双培养: a unit that never took it up has no talent in any branch's pipeline; elsewhere most
  // working branches have one, and so does every branch-level unit not seeded (so the unit count stays exact).
  const working = branches.filter((b) => b.category !== 'retired');
  for (const b of working) {
    if (b.unit.problems.has('noTalentUnit') || b.problems.has('noRecruitPipeline')) mark(ctx, b, 'noTalentRecruit');
  }
  const others = weak.filter((b) => b.category !== 'retired' && !b.unit.problems.has('noTalentUnit') && b.unit.spec.kind !== 'branch');
  for (const b of rng.sample(others, Math.round(working.length * rng.real(0.12, 0.16)))) mark(ctx, b, 'noTalentRecruit');
}

function mark(ctx: GenCtx, b: BranchCtx, key: BranchProblem): void {
  if (b.problems.has(key)) return;
  b.problems.add(key);
  ctx.data.seeded[key].push(b.id);
}

function markUnit(ctx: GenCtx, u: UnitCtx, key: UnitProblem): void {
  u.problems.add(key);
  ctx.data.seeded[key].push(u.id);
}
