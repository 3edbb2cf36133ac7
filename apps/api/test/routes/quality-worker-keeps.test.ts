import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayIso } from '@wj/domain/schemas';
import { rawRows } from '../../src/db/raw.js';
import { dashboardJson } from '../../src/modules/quality/dashboard-json.js';
import { scoreHooks } from '../../src/modules/quality/score-pool.js';
import { defaultAsOf, QualityService } from '../../src/modules/quality/service.js';
import { dashboard } from '../../src/modules/quality/views.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * A whole computation whose scores are kept (modules/quality/service.ts
 * computeAll): the score worker writes the kept rows itself and posts back
 * each unit's subtotals only, so the main thread ends in the state a start on
 * kept scores makes — no branch details in memory until a page needs them,
 * then read from the rows — and those details equal a computation from the
 * records. The main thread puts the state together slice by slice (the units
 * in id order, their dashboard entries' JSON as the worker made it, the sums
 * as they come): its dashboard is the one a computation from the records
 * gives, to the byte.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(async () => {
  scoreHooks.unitsPerSlice = null;
  scoreHooks.onSlice = null;
  await ctx.close();
});

it('a cold computation that keeps its scores holds only the subtotals; the details read back equal a fresh computation', async () => {
  const year = Number(todayIso().slice(0, 4));
  const asOf = defaultAsOf(year);
  // Nothing kept for the year: the service below computes every unit.
  await ctx.app.quality.flush();
  if (ctx.db.sqlite) ctx.db.sqlite.writer.prepare('delete from quality_scores where year = ?').run(year);
  else await ctx.db.pg!.pool.query('delete from quality_scores where year = $1', [year]);

  const service = new QualityService(ctx.db, { keep: true });
  // Two units a slice: the city's units (and their orgs) come in several slices.
  let slices = 0;
  scoreHooks.unitsPerSlice = 2;
  scoreHooks.onSlice = async (n) => { slices = n; };
  const parts = await service.parts(year, asOf).finally(() => { scoreHooks.unitsPerSlice = null; scoreHooks.onSlice = null; });
  expect(parts.parts.size).toBeGreaterThan(5);
  expect(slices).toBe(Math.ceil(parts.parts.size / 2));
  // The orgs in id order, as a start on kept scores reads them.
  expect([...parts.orgs.keys()]).toEqual([...parts.orgs.keys()].sort((a, b) => a - b));
  expect(parts.full).toBeNull();
  expect(parts.mem.groups.size).toBe(0);
  expect([...parts.mem.kept.keys()].sort((a, b) => a - b)).toEqual([...parts.parts.keys()].sort((a, b) => a - b));
  // Every unit's row is written by the time the state is answered (by the worker: nothing is left for this thread).
  const rows = await rawRows<{ unit_id: number }>(ctx.db, 'select unit_id from quality_scores where year = ? and as_of = ?', [year, asOf]);
  expect(rows.map((r) => Number(r.unit_id)).sort((a, b) => a - b)).toEqual([...parts.parts.keys()].sort((a, b) => a - b));
  expect(service.keptWrites).toBe(rows.length);

  const fresh = await new QualityService(ctx.db).scores(year, asOf);
  // The committee's dashboard of the state as it arrived (before any detail is read) against the records' computation.
  const all = { all: true, unitId: null, branchId: null };
  const json = dashboardJson(dashboard(parts, all, [year], null)).json;
  expect(JSON.parse(json).counts.branches).toBe(fresh.branches.length);
  expect(json).toBe(dashboardJson(dashboard(fresh, all, [year], null)).json);
  const kept = await service.scores(year, asOf);
  const byId = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => a.orgId - b.orgId);
  expect(kept.branches.length).toBeGreaterThan(100);
  expect(byId(kept.branches)).toEqual(byId(fresh.branches));
  expect(byId(kept.units)).toEqual(byId(fresh.units));
  expect(new Map([...kept.memberCounts])).toEqual(new Map([...fresh.memberCounts]));
  expect([...kept.orgs.entries()].sort((a, b) => a[0] - b[0])).toEqual([...fresh.orgs.entries()].sort((a, b) => a[0] - b[0]));
});
