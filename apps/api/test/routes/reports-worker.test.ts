import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDraft } from '@wj/domain/schemas';
import { yearFacts } from '../../src/modules/quality/closed-years.js';
import { currentRules } from '../../src/modules/quality/rules-store.js';
import { composeReport, type ReportJob } from '../../src/reports/compose.js';
import { reportPeriod, type ReportSource } from '../../src/reports/context.js';
import { renderPool } from '../../src/reports/render-pool.js';
import { resolveTarget } from '../../src/reports/target.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { demoTargets } from '../helpers/targets.js';

/**
 * Reports are composed in the render worker on its own read-only connection,
 * scoring the records there (reports/compose.ts). What it writes must be what
 * the same composition writes from the quality service's scores in this
 * process — the scores every screen shows: compared for the draft's
 * paragraphs (through the route) and the scores workbook's rows.
 */
let ctx: TestContext;
let admin: Client;
let unitId: number;
const YEAR = 2026;

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  unitId = (await demoTargets(ctx.db)).unit[0];
});
afterAll(() => ctx.close());

/** The composition in this process, from the quality service (the dashboard's scores). */
async function inProcess(report: ReportJob['report'], unit: number | null) {
  const scope = unit === null ? { all: true, unitId: null, branchId: null } : { all: false, unitId: unit, branchId: null };
  const target = await resolveTarget(ctx.db, scope, unit ?? undefined);
  const period = await reportPeriod(ctx.app.quality, { year: YEAR });
  const source: ReportSource = { scores: (y, asOf) => ctx.app.quality.scores(y, asOf), facts: (y, units) => yearFacts(ctx.db, y, units) };
  return composeReport(ctx.db, source, { kind: 'report', report, db: '', target, period, rules: await currentRules(ctx.db), title: 'T' });
}

describe('a report composed in the worker', () => {
  it('has the draft paragraphs the quality service\'s scores give, for the commission and for a unit', async () => {
    for (const unit of [null, unitId]) {
      let jobs = 0;
      const count = () => { jobs++; };
      renderPool.events.on('done', count);
      const res = await admin(`/api/reports/draft?year=${YEAR}${unit === null ? '' : `&unitId=${unit}`}`);
      renderPool.events.off('done', count);
      expect(res.statusCode, res.body).toBe(200);
      // Composed by one job in the render worker.
      expect(jobs).toBe(1);
      const draft = res.json() as ReportDraft;
      const here = await inProcess('draft', unit) as { key: string; text: string }[];
      const there = draft.sections.flatMap((s) => s.paragraphs).filter((p) => p.origin === 'generated').map((p) => ({ key: p.key, text: p.generated }));
      expect(here.length).toBeGreaterThan(10);
      expect(there).toEqual(here.map((g) => ({ key: g.key, text: g.text })));
    }
  });

  it('writes the scores workbook\'s rows from the same scores as this process', async () => {
    const { readerSource } = await import('../../src/reports/compose.js');
    const target = await resolveTarget(ctx.db, { all: true, unitId: null, branchId: null }, undefined);
    const period = await reportPeriod(ctx.app.quality, { year: YEAR });
    const rules = await currentRules(ctx.db);
    const job: ReportJob = { kind: 'report', report: 'scores', db: '', target, period, rules, title: 'T' };
    const here = await inProcess('scores', null) as { units: { row: unknown[]; branches: unknown[][] }[] };
    // The worker's source on a connection of its own, as in the worker.
    const { openReader } = await import('../../src/db/index.js');
    const path = ctx.db.sqlite?.path ?? ctx.db.pg!.url;
    const reader = await openReader(path);
    try {
      const there = await composeReport(reader, readerSource(reader, undefined, YEAR, rules), job) as typeof here;
      expect(here.units.length).toBeGreaterThan(3);
      expect(there.units.map((u) => [u.row, u.branches])).toEqual(here.units.map((u) => [u.row, u.branches]));
    } finally {
      await reader.close();
    }
  });
});
