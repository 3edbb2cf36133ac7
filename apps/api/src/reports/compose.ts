import { openReader, type Db } from '../db/index.js';
import { closedYearScores, scoreFacts, yearFacts } from '../modules/quality/closed-years.js';
import type { CommissionFacts } from '../modules/quality/facts-loader.js';
import type { StoredRules } from '../modules/quality/rules-store.js';
import { ScoreStore } from '../modules/quality/score-store.js';
import { loadOrgInfo } from '../modules/quality/org-info.js';
import type { YearScores } from '../modules/quality/service.js';
import { groupByUnit } from '../modules/quality/unit-groups.js';
import { draftEdits } from '../modules/reports/draft.js';
import { reportContext, type ContextNeeds, type ReportPeriod, type ReportSource } from './context.js';
import { annualJob, generatedParagraphs } from './docx/annual.js';
import type { GeneratedParagraph } from './draft.js';
import type { RenderJob } from './render-worker.js';
import type { ReportTarget } from './target.js';
import { orgLifeRows } from './work-figures.js';
import { gapsJob } from './xlsx/gaps.js';
import { orgLifeJob } from './xlsx/org-life.js';
import { scoresJob } from './xlsx/scores.js';

/**
 * A report composed off the event loop: the render worker (render-worker.ts)
 * opens its own read-only connection to the server's database, reads the
 * kept scores (or, where none are kept, scores the facts with the quality
 * model's own functions; closed years from their frozen facts and rule
 * version, as closed-years.ts does) and the facts, writes the paragraphs and
 * tables and renders the file — so that only this small job description and
 * the finished bytes cross between the threads. The
 * draft (the 报告 page) is the same composition stopped before the file: its
 * generated paragraphs come back instead.
 */
export type ReportKind = 'annual' | 'draft' | 'scores' | 'gaps' | 'org-life';

export interface ReportJob {
  kind: 'report';
  report: ReportKind;
  /** The database: a SQLite file path or a PostgreSQL URL. */
  db: string;
  target: ReportTarget;
  period: ReportPeriod;
  /** The rules in force, read by the main thread (whose first read of an empty table stores the defaults; this connection cannot write). */
  rules: StoredRules;
  /** The file's title (the workbooks'; the Word report names itself). */
  title: string;
}

/** What each report reads beyond the scores and the org tree. */
const NEEDS: Record<ReportKind, ContextNeeds> = {
  // The annual report's text reads everything: the facts and last year's scores (基本情况's 同比).
  annual: { facts: true, previous: true },
  draft: { facts: true, previous: true },
  scores: {},
  gaps: {},
  'org-life': { facts: true },
};

/** The report composed from `source`: a file for the render step, or the draft's generated paragraphs. */
export async function composeReport(db: Db, source: ReportSource, job: ReportJob): Promise<RenderJob | GeneratedParagraph[]> {
  const ctx = await reportContext(db, source, job.target, job.period, NEEDS[job.report]);
  switch (job.report) {
    case 'annual': return annualJob(db, ctx, await draftEdits(db, { year: ctx.year, unitId: ctx.target.unitId }));
    case 'draft': return generatedParagraphs(db, ctx);
    case 'scores': return scoresJob(ctx, job.title);
    case 'gaps': return gapsJob(ctx, job.title);
    case 'org-life': return orgLifeJob(ctx, await orgLifeRows(ctx), job.title);
  }
}

const sameUnits = (a: number[] | undefined, b: number[] | undefined) => (a ?? []).join() === (b ?? []).join() && (a === undefined) === (b === undefined);

/** The kept scores (quality_scores), read only: this connection never writes them (the main thread's service keeps them). */
class KeptRows extends ScoreStore {
  override keep(): void {}
}

/**
 * An open year's scores from the kept rows the main thread's quality service
 * brought up to date and flushed before sending the job (run.ts), when every
 * unit has one — assembled as the service assembles kept units (orgs read
 * live, lists in org-id order as scoring gives them); null when some unit has
 * none (then the facts are scored here).
 */
async function keptScores(db: Db, store: ScoreStore, year: number, asOf: string, rules: StoredRules, unitIds: number[] | undefined, serial: number): Promise<YearScores | null> {
  const [rows, orgs] = await Promise.all([store.read({ year, asOf, ruleVersion: rules.version, basis: 'live' }, unitIds), loadOrgInfo(db, unitIds)]);
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  const units = new Set([...orgs.values()].map((o) => o.unitId));
  if (units.size === 0 || [...units].some((id) => !byUnit.has(id))) return null;
  const mine = [...units].map((id) => byUnit.get(id)!);
  const byId = (a: { orgId: number }, b: { orgId: number }) => a.orgId - b.orgId;
  const branches = mine.flatMap((k) => k.branches).filter((b) => orgs.has(b.orgId)).sort(byId);
  const unitScores = mine.flatMap((k) => (k.unit ? [k.unit] : [])).filter((u) => orgs.has(u.orgId)).sort(byId);
  const memberCounts = new Map(mine.flatMap((k) => k.members.map(([id, inService, retired]) => [id, { inService, retired }] as const)));
  return { year, asOf, rules, branches, units: unitScores, memberCounts, orgs, groups: groupByUnit(branches, unitScores, orgs), serial };
}

/**
 * Scores and facts read on the worker's own connection. Scores: a closed
 * year's from its kept rows or its frozen facts (closed-years.ts), an open
 * year's from the kept rows, else scored here from the facts with the
 * quality model's functions. A unit's report reads and scores that unit only
 * (a unit's scores depend on its own records alone, as the quality service's
 * per-unit refresh relies on). The report year's facts are read once, for its
 * text and, when scored here, its scores.
 */
export function readerSource(db: Db, unitIds: number[] | undefined, year: number, rules: StoredRules): ReportSource {
  let kept: Promise<CommissionFacts> | null = null;
  const facts = (y: number, wanted: number[] | undefined) => {
    if (y !== year || !sameUnits(wanted, unitIds)) return yearFacts(db, y, wanted);
    return (kept ??= yearFacts(db, y, wanted));
  };
  const store = new KeptRows(db);
  let serial = 0;
  return {
    facts,
    async scores(y, asOf) {
      const closed = await closedYearScores(db, y, asOf, store);
      if (closed) return closed;
      const fromKept = await keptScores(db, store, y, asOf, rules, unitIds, ++serial);
      if (fromKept) return fromKept;
      const [f, orgs] = await Promise.all([facts(y, unitIds), loadOrgInfo(db, unitIds)]);
      return scoreFacts(f, orgs, rules, y, asOf, ++serial);
    },
  };
}

/** In the render worker: the job's report composed on a read-only connection (closed before the file is rendered). */
export async function composeInWorker(job: ReportJob): Promise<RenderJob | GeneratedParagraph[]> {
  const db = await openReader(job.db);
  try {
    return await composeReport(db, readerSource(db, job.target.unitId === null ? undefined : [job.target.unitId], job.period.year, job.rules), job);
  } finally {
    await db.close();
  }
}
