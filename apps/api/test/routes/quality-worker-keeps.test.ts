import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayIso } from '@wj/domain/schemas';
import { rawRows } from '../../src/db/raw.js';
import { defaultAsOf, QualityService } from '../../src/modules/quality/service.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * A whole computation whose scores are kept (modules/quality/service.ts
 * computeAll): the score worker writes the kept rows itself and posts back
 * each unit's subtotals only, so the main thread ends in the state a start on
 * kept scores makes — no branch details in memory until a page needs them,
 * then read from the rows — and those details equal a computation from the
 * records.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(async () => { await ctx.close(); });

it('a cold computation that keeps its scores holds only the subtotals; the details read back equal a fresh computation', async () => {
  const year = Number(todayIso().slice(0, 4));
  const asOf = defaultAsOf(year);
  // Nothing kept for the year: the service below computes every unit.
  await ctx.app.quality.flush();
  if (ctx.db.sqlite) ctx.db.sqlite.writer.prepare('delete from quality_scores where year = ?').run(year);
  else await ctx.db.pg!.pool.query('delete from quality_scores where year = $1', [year]);

  const service = new QualityService(ctx.db, { keep: true });
  const parts = await service.parts(year, asOf);
  expect(parts.parts.size).toBeGreaterThan(5);
  expect(parts.full).toBeNull();
  expect(parts.mem.groups.size).toBe(0);
  expect([...parts.mem.kept.keys()].sort((a, b) => a - b)).toEqual([...parts.parts.keys()].sort((a, b) => a - b));
  // Every unit's row is written by the time the state is answered (by the worker: nothing is left for this thread).
  const rows = await rawRows<{ unit_id: number }>(ctx.db, 'select unit_id from quality_scores where year = ? and as_of = ?', [year, asOf]);
  expect(rows.map((r) => Number(r.unit_id)).sort((a, b) => a - b)).toEqual([...parts.parts.keys()].sort((a, b) => a - b));
  expect(service.keptWrites).toBe(rows.length);

  const kept = await service.scores(year, asOf);
  const fresh = await new QualityService(ctx.db).scores(year, asOf);
  const byId = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => a.orgId - b.orgId);
  expect(kept.branches.length).toBeGreaterThan(100);
  expect(byId(kept.branches)).toEqual(byId(fresh.branches));
  expect(byId(kept.units)).toEqual(byId(fresh.units));
  expect(new Map([...kept.memberCounts])).toEqual(new Map([...fresh.memberCounts]));
  expect([...kept.orgs.entries()].sort((a, b) => a[0] - b[0])).toEqual([...fresh.orgs.entries()].sort((a, b) => a[0] - b[0]));
});
