import type { Db } from '../db/index.js';
import { yearFacts } from '../modules/quality/closed-years.js';
import type { QualityService } from '../modules/quality/service.js';
import { composeReport, type ReportJob } from './compose.js';
import type { GeneratedParagraph } from './draft.js';
import { dbTarget } from '../lib/worker-pool.js';
import { renderInWorker, renderPool } from './render-pool.js';


export type ReportRequest = Omit<ReportJob, 'kind' | 'db'>;

/** The reports that compare with the year before (基本情况's 同比). */
const PREVIOUS = new Set<ReportRequest['report']>(['annual', 'draft']);

/**
 * A report composed and rendered in the render worker (compose.ts): the main
 * thread sends the job's few fields and receives the file's bytes (moved, not
 * copied) or the draft's paragraphs. An in-memory database, which no worker
 * can open, is read here through the quality service and only rendered there.
 * A caller who disconnects (`signal`) has the job dropped or its worker ended.
 */
export async function composeInWorker(db: Db, quality: QualityService, req: ReportRequest, signal?: AbortSignal): Promise<Buffer | GeneratedParagraph[]> {
  const target = dbTarget(db);
  if (target) {
    // The scores the report reads, brought up to date (cheap while nothing changed) and kept, so the worker reads
    // the kept rows instead of scoring the year (and the year before) again; the previous year only where it is read.
    const { year, asOf, years } = req.period;
    await quality.scores(year, asOf);
    if (PREVIOUS.has(req.report) && years.includes(year - 1)) await quality.scores(year - 1, `${year - 1}-12-31`);
    await quality.flush();
    const out = await renderPool.run<Uint8Array | GeneratedParagraph[]>({ ...req, kind: 'report', db: target } satisfies ReportJob, { signal });
    return Array.isArray(out) ? out : Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }
  const out = await composeReport(db, { scores: (y, asOf) => quality.scores(y, asOf), facts: (y, units) => yearFacts(db, y, units) }, { ...req, kind: 'report', db: '' });
  return Array.isArray(out) ? out : renderInWorker(out, signal);
}

/** The file of a report (not the draft). */
export async function reportFile(db: Db, quality: QualityService, req: ReportRequest, signal?: AbortSignal): Promise<Buffer> {
  const out = await composeInWorker(db, quality, req, signal);
  if (Array.isArray(out)) throw new Error(`report ${req.report}: paragraphs where a file was expected`);
  return out;
}

/** The annual report's generated paragraphs (the 报告 page's draft). */
export async function reportParagraphs(db: Db, quality: QualityService, req: Omit<ReportRequest, 'report'>, signal?: AbortSignal): Promise<GeneratedParagraph[]> {
  const out = await composeInWorker(db, quality, { ...req, report: 'draft' }, signal);
  if (!Array.isArray(out)) throw new Error('report draft: a file where paragraphs were expected');
  return out;
}
