import { and, asc, eq } from 'drizzle-orm';
import { monthEnd } from '@wj/domain/quality';
import type { ReviewGrade } from '@wj/domain';
import type { Queryable } from '../db/index.js';
import { brands, secretaryProjects } from '../db/schema/index.js';
import type { ReportContext } from './context.js';
import { branchOrgLife, orgLifeTotals, type BranchOrgLife, type OrgLifeTotal } from './org-life.js';

/** 二、工作成效 as figures: 组织生活, brands, 书记项目, 先锋岗, recruitment and the units' 责任落实. */
export interface WorkFigures {
  orgLife: { rows: BranchOrgLife[]; totals: OrgLifeTotal[]; heartTalks: number; attendance: number | null };
  brands: { total: number; branches: number; newThisYear: number; named: { branch: string; name: string }[] };
  projects: {
    total: number; completed: number; inProgress: number; planned: number; branches: number; lagging: number;
    results: { orgId: number; branch: string; title: string; businessGoal: string; review: string }[];
  };
  posts: { total: number; branches: number; members: number };
  recruits: {
    applied: number; activists: number; candidates: number; admitted: number; admittedTalents: number; converted: number;
    pipeline: number; pipelineTalents: number;
  };
  responsibility: {
    units: number; plansOnTime: number; plansLate: number; fullTimeWorkers: number; unitsWithWorker: number;
    grades: Record<ReviewGrade, number>; itemsDone: number; itemsTotal: number;
  };
}

/** A slice of synchronous work this long at most before other requests get their turn. */
const SLICE_MS = 10;

/**
 * Each branch's 组织生活 tally, in the report's branch order. Tens of
 * milliseconds at city size and far more for a province: done in slices,
 * yielding to the event loop between them, so /api/health and everyone
 * else's requests are answered meanwhile.
 */
export async function orgLifeRows(ctx: ReportContext): Promise<BranchOrgLife[]> {
  const rows: BranchOrgLife[] = [];
  let slice = performance.now();
  for (const b of ctx.branches) {
    const f = ctx.facts.get(b.orgId);
    if (f) rows.push(branchOrgLife(f, ctx.ys.rules.rules, ctx.year, ctx.asOf));
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
  }
  return rows;
}

export async function workFigures(db: Queryable, ctx: ReportContext): Promise<WorkFigures> {
  const { year, cutoff } = ctx;
  const rules = ctx.ys.rules.rules;
  const facts = ctx.branches.map((b) => ctx.facts.get(b.orgId)).filter((f) => f !== undefined);
  const inScope = new Set(ctx.branches.map((b) => b.orgId));
  const inYear = (d: string | null) => d !== null && d >= `${year}-01-01` && d <= cutoff;

  const rows = await orgLifeRows(ctx);
  const ratios = rows.map((r) => r.attendance).filter((a) => a !== null);

  const [allBrands, completed] = await Promise.all([
    db.select({ orgId: brands.orgId, name: brands.name, createdYear: brands.createdYear }).from(brands)
      .where(eq(brands.active, true)).orderBy(asc(brands.id)),
    db.select({
      orgId: secretaryProjects.orgId, title: secretaryProjects.title, businessGoal: secretaryProjects.businessGoal, review: secretaryProjects.review,
    }).from(secretaryProjects).where(and(eq(secretaryProjects.year, year), eq(secretaryProjects.status, 'completed')))
      .orderBy(asc(secretaryProjects.id)),
  ]);
  const brandRows = allBrands.filter((b) => inScope.has(b.orgId) && b.createdYear <= year);

  const projects = facts.flatMap((f) => f.projects.filter((p) => p.year === year));
  const results = completed
    .filter((p) => inScope.has(p.orgId))
    .map((p) => ({ ...p, branch: ctx.branchName(p.orgId), review: p.review?.trim() || '项目已完成，尚未填写总结评价' }));
  // Behind schedule only: a branch without a project is a line of its own (variant 'missing').
  const lagging = ctx.gaps.find((g) => g.code === 'secretary_project' && g.variant === null)?.count ?? 0;

  const posts = facts.map((f) => f.vanguardPosts.filter((p) => p.year === year));
  const recruits = facts.flatMap((f) => f.recruits);
  const pipeline = recruits.filter((r) => r.status === 'active' && r.stage !== 'full' && r.applicationDate <= cutoff);

  const units = ctx.units.map((u) => ctx.unitFacts.get(u.orgId)).filter((u) => u !== undefined);
  const planDue = monthEnd(year, rules.params.planDueMonth);
  const activeWorkers = (u: (typeof units)[number]) => u.partyWorkers.filter((w) => w.fullTime && w.startDate <= cutoff && (w.endDate === null || w.endDate >= cutoff));
  const grades: Record<ReviewGrade, number> = { excellent: 0, good: 0, fair: 0, poor: 0 };
  for (const u of units) if (u.reviewGrade) grades[u.reviewGrade] += 1;

  return {
    orgLife: {
      rows, totals: orgLifeTotals(rows),
      heartTalks: rows.reduce((n, r) => n + r.heartTalks, 0),
      attendance: ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : null,
    },
    brands: {
      total: brandRows.length,
      branches: new Set(brandRows.map((b) => b.orgId)).size,
      newThisYear: brandRows.filter((b) => b.createdYear === year).length,
      named: brandRows.slice(0, 4).map((b) => ({ branch: ctx.branchName(b.orgId), name: b.name })),
    },
    projects: {
      total: projects.length,
      completed: projects.filter((p) => p.status === 'completed').length,
      inProgress: projects.filter((p) => p.status === 'in_progress').length,
      planned: projects.filter((p) => p.status === 'planned').length,
      branches: facts.filter((f) => f.projects.some((p) => p.year === year)).length,
      lagging, results,
    },
    posts: {
      total: posts.reduce((n, p) => n + p.length, 0),
      branches: posts.filter((p) => p.length > 0).length,
      members: posts.flat().reduce((n, p) => n + p.memberCount, 0),
    },
    recruits: {
      applied: recruits.filter((r) => inYear(r.applicationDate)).length,
      activists: recruits.filter((r) => inYear(r.activistDate)).length,
      candidates: recruits.filter((r) => inYear(r.candidateDate)).length,
      admitted: recruits.filter((r) => inYear(r.probationaryDate)).length,
      admittedTalents: recruits.filter((r) => inYear(r.probationaryDate) && r.isTalent).length,
      converted: recruits.filter((r) => inYear(r.fullDate)).length,
      pipeline: pipeline.length,
      pipelineTalents: pipeline.filter((r) => r.isTalent).length,
    },
    responsibility: {
      units: units.length,
      // A plan counts as on time when submitted by the end of the month the rules set (planDueMonth, default Q1).
      plansOnTime: units.filter((u) => u.plan && u.plan.submittedDate <= planDue).length,
      plansLate: units.filter((u) => u.plan && u.plan.submittedDate > planDue).length,
      fullTimeWorkers: units.reduce((n, u) => n + activeWorkers(u).length, 0),
      unitsWithWorker: units.filter((u) => activeWorkers(u).length > 0).length,
      grades,
      itemsDone: units.reduce((n, u) => n + u.responsibilityItems.done, 0),
      itemsTotal: units.reduce((n, u) => n + u.responsibilityItems.total, 0),
    },
  };
}
