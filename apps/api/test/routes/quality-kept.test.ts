import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso, type BranchScoreDetail, type Dashboard } from '@wj/domain/schemas';
import { buildApp, type App } from '../../src/app.js';
import { rawRows } from '../../src/db/raw.js';
import { defaultAsOf, QualityService } from '../../src/modules/quality/service.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * Scores are kept in the database (modules/quality/score-store.ts): a server
 * starting on it reads them instead of scoring again, and recomputes only
 * the units written since. To tell a read from a recomputation, a kept row is
 * altered by hand: a server that shows the altered figure read it.
 */
let ctx: TestContext;
let admin: Client;
const year = Number(todayIso().slice(0, 4));
const apps: App[] = [];
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
});
afterAll(async () => {
  // The extra servers share ctx's database handle, which closing one would close: their writes are awaited instead.
  for (const a of apps) await a.quality.flush();
  await ctx.close();
});

/** Another server on the same database, started now. */
async function start(): Promise<App> {
  const app = await buildApp({ config: { WEB_DIST: join(ctx.dir, 'no-web'), LOG_LEVEL: 'silent', ATTACHMENTS_DIR: join(ctx.dir, 'attachments') }, db: ctx.db, logger: false });
  await app.ready();
  apps.push(app);
  return app;
}

interface Row { unit_id: number; scores: string | { branches: { orgId: number; total: number }[] } }
const payload = (r: Row) => (typeof r.scores === 'string' ? JSON.parse(r.scores) : r.scores) as { branches: { orgId: number; total: number }[] };
const keptRows = (y: number) => rawRows<Row>(ctx.db, 'select unit_id, scores from quality_scores where year = ? and as_of = ?', [y, defaultAsOf(y)]);

/** Sets one kept branch's total by hand (as no server would). */
async function tamper(y: number, branchId: number, total: number) {
  const row = (await keptRows(y)).find((r) => payload(r).branches.some((b) => b.orgId === branchId))!;
  const p = payload(row);
  p.branches.find((b) => b.orgId === branchId)!.total = total;
  const text = 'update quality_scores set scores = ? where year = ? and as_of = ? and unit_id = ?';
  const params = [JSON.stringify(p), y, defaultAsOf(y), row.unit_id];
  if (ctx.db.sqlite) ctx.db.sqlite.writer.prepare(text).run(...params);
  else { let i = 0; await ctx.db.pg!.pool.query(text.replace(/\?/g, () => `$${++i}`), params); }
}

describe('kept scores', () => {
  it('a start reads the kept scores; a write recomputes and rewrites only its unit', async () => {
    const first = (await admin(`/api/quality/dashboard?year=${year}`)).json() as Dashboard;
    await ctx.app.quality.flush();
    const units = await keptRows(year);
    expect(units.length).toBeGreaterThanOrEqual(first.counts.units);
    const branch = first.unitRanking[0]!;
    const branchId = (await admin(`/api/quality/units/${branch.orgId}?year=${year}`)).json().branches[0].orgId as number;
    const detail = (id: number, app: App) => app.inject({ url: `/api/quality/branches/${id}?year=${year}`, headers: { cookie: cookieOf } }).then((r) => r.json() as BranchScoreDetail);
    const cookieOf = await cookie();
    const truth = (await detail(branchId, ctx.app)).total;

    // A server started now shows the kept figure, altered here by hand: it read it, and wrote nothing.
    await tamper(year, branchId, 1.5);
    const second = await start();
    expect((await detail(branchId, second)).total).toBe(1.5);
    expect(second.quality.keptWrites).toBe(0);

    // A meeting recorded in that branch: the next server recomputes that one unit (the hand-made figure is gone) and keeps it again.
    const res = await admin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: { type: 'party_lecture', date: defaultAsOf(year), topic: '专题党课', expected: 5, present: 5 } });
    expect(res.statusCode, res.body).toBe(201);
    const third = await start();
    const after = await detail(branchId, third);
    expect(after.total).not.toBe(1.5);
    await third.quality.flush();
    expect(third.quality.keptWrites).toBe(1);
    // What it shows is what a computation from the records gives, for every branch and unit.
    const kept = await third.quality.scores(year, defaultAsOf(year));
    const fresh = await new QualityService(ctx.db).scores(year, defaultAsOf(year));
    const byId = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => a.orgId - b.orgId);
    expect(byId(kept.branches)).toEqual(byId(fresh.branches));
    expect(byId(kept.units)).toEqual(byId(fresh.units));
    expect(after.total).toBeGreaterThanOrEqual(truth);
  });

  it('a start answers the dashboard from the kept subtotals alone, the same as the server that computed them', async () => {
    const url = `/api/quality/dashboard?year=${year}`;
    const computed = await admin(url);
    expect(computed.statusCode, computed.body).toBe(200);
    await ctx.app.quality.flush();
    const c = await cookie();
    const again = await start();
    const kept = await again.inject({ url, headers: { cookie: c } });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toEqual(computed.json());
    // The branch details behind them are read when a page needs them.
    const units = (await again.inject({ url: `/api/quality/units?year=${year}`, headers: { cookie: c } })).json().items as { orgId: number; total: number }[];
    expect(units.map((u) => u.total).sort()).toEqual((computed.json() as Dashboard).unitRanking.map((u) => u.total).sort());
  });

  it('a closed year is read from its kept rows until it is re-judged', async () => {
    const closed = year - 1;
    const close = await admin({ method: 'POST', url: `/api/years/${closed}/close`, payload: {} });
    expect(close.statusCode, close.body).toBe(200);
    const d = (await admin(`/api/quality/dashboard?year=${closed}`)).json() as Dashboard;
    await ctx.app.quality.flush();
    const unitId = d.unitRanking[0]!.orgId;
    const branchId = (await admin(`/api/quality/units/${unitId}?year=${closed}`)).json().branches[0].orgId as number;
    await tamper(closed, branchId, 2.5);
    const c = await cookie();
    const show = async (app: App) => (await app.inject({ url: `/api/quality/branches/${branchId}?year=${closed}`, headers: { cookie: c } })).json().total as number;
    expect(await show(await start())).toBe(2.5);
    // A write to the records does not touch a closed year's kept scores…
    const res = await admin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: { type: 'party_lecture', date: defaultAsOf(year), topic: '专题党课', expected: 5, present: 5 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await show(await start())).toBe(2.5);
    // …a re-judge (a new close) does.
    const rejudge = await admin({ method: 'POST', url: `/api/years/${closed}/rejudge`, payload: {} });
    expect(rejudge.statusCode, rejudge.body).toBe(200);
    expect(await show(await start())).not.toBe(2.5);
  });
});

describe('a write reaches the years it concerns', () => {
  it('a meeting dated in one year recomputes that year and leaves another year\'s scores as they were', async () => {
    const other = year - 2;
    const meeting = async (date: string) => {
      const unit = (await ctx.app.quality.scores(year, defaultAsOf(year))).units[2]!;
      const branchId = (await ctx.app.quality.scores(year, defaultAsOf(year))).groups.get(unit.orgId)!.branches[0]!.orgId;
      const res = await admin({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload: { type: 'party_lecture', date, topic: '专题党课', expected: 5, present: 5 } });
      expect(res.statusCode, res.body).toBe(201);
    };
    const now0 = await ctx.app.quality.scores(year, defaultAsOf(year));
    const other0 = await ctx.app.quality.scores(other, defaultAsOf(other));
    await meeting(defaultAsOf(year));
    const now1 = await ctx.app.quality.scores(year, defaultAsOf(year));
    expect(now1).not.toBe(now0);
    expect(await ctx.app.quality.scores(other, defaultAsOf(other))).toBe(other0);
    await meeting(`${other}-06-10`);
    const other2 = await ctx.app.quality.scores(other, defaultAsOf(other));
    expect(other2).not.toBe(other0);
    const fresh = await new QualityService(ctx.db).scores(other, defaultAsOf(other));
    const byId = <T extends { orgId: number }>(xs: T[]) => [...xs].sort((a, b) => a.orgId - b.orgId);
    expect(byId(other2.branches)).toEqual(byId(fresh.branches));
  });
});

let session = '';
async function cookie(): Promise<string> {
  if (session) return session;
  const res = await ctx.anon({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: (await import('../../src/auth/demo-users.js')).DEMO_PASSWORD } });
  const c = res.cookies.find((x) => x.name === 'wj_session')!;
  return (session = `${c.name}=${c.value}`);
}
