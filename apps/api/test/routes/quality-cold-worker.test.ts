import { afterAll, beforeAll, expect, it } from 'vitest';
import { todayIso } from '@wj/domain/schemas';
import { scoreFacts } from '../../src/modules/quality/closed-years.js';
import { loadFacts } from '../../src/modules/quality/facts-loader.js';
import { currentRules } from '../../src/modules/quality/rules-store.js';
import { scoreHooks, scorePool } from '../../src/modules/quality/score-pool.js';
import { loadOrgInfo } from '../../src/modules/quality/org-info.js';
import { defaultAsOf, QualityService } from '../../src/modules/quality/service.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * A cold computation of the commission runs in the score worker
 * (modules/quality/score-pool.ts), not on the event loop: the pool's events
 * show it ran there, a health check is answered while the worker still holds
 * slices back, and the scores assembled from its slices are the ones the
 * main thread computes from the same facts.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(async () => {
  scoreHooks.onSlice = null;
  scoreHooks.unitsPerSlice = null;
  await ctx.close();
});

it('a cold compute runs in the score worker, /api/health answers meanwhile, and the scores equal the main thread’s', async () => {
  const year = Number(todayIso().slice(0, 4));
  const asOf = defaultAsOf(year);
  const events: string[] = [];
  const onStart = () => events.push('start');
  const onDone = () => events.push('done');
  scorePool.events.on('start', onStart);
  scorePool.events.on('done', onDone);
  // Two units a slice: the city's 13 units come in 7 slices, and the worker waits for each to be taken before posting the next.
  scoreHooks.unitsPerSlice = 2;
  scoreHooks.onSlice = async (n) => {
    events.push(`slice ${n}`);
    if (n === 1) events.push(`health ${(await ctx.anon('/api/health')).statusCode}`);
  };
  try {
    // A service that keeps nothing: every unit is computed.
    const ys = await new QualityService(ctx.db).scores(year, asOf);
    events.push('scores');
    expect(events.slice(0, 4)).toEqual(['start', 'slice 1', 'health 200', 'slice 2']);
    expect(events.filter((e) => e === 'start')).toHaveLength(1);
    expect(events.indexOf('done')).toBeGreaterThan(events.indexOf('slice 2'));
    expect(events.at(-1)).toBe('scores');
    expect(events.filter((e) => e.startsWith('slice')).length).toBeGreaterThanOrEqual(7);

    const rules = await currentRules(ctx.db);
    const main = scoreFacts(await loadFacts(ctx.db, year), await loadOrgInfo(ctx.db), rules, year, asOf, 0);
    expect(ys.branches.length).toBeGreaterThan(100);
    expect(ys.branches).toEqual(main.branches);
    expect(ys.units).toEqual(main.units);
    expect([...ys.orgs.entries()]).toEqual([...main.orgs.entries()]);
    expect([...ys.memberCounts.entries()]).toEqual([...main.memberCounts.entries()]);
    expect([...ys.groups.keys()].sort((a, b) => a - b)).toEqual([...main.groups.keys()].sort((a, b) => a - b));
    for (const [id, g] of main.groups) expect(ys.groups.get(id)).toEqual(g);
  } finally {
    scorePool.events.off('start', onStart);
    scorePool.events.off('done', onDone);
    scoreHooks.onSlice = null;
    scoreHooks.unitsPerSlice = null;
  }
});
