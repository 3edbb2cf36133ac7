import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@wj/domain/schemas';
import { buildApp, type App } from '../../src/app.js';
import { rawRows } from '../../src/db/raw.js';
import { defaultAsOf } from '../../src/modules/quality/service.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * After a start on kept scores, the first page that needs every branch's
 * details reads them from the kept rows a few units at a time (service.ts
 * hydrate; 12 units: more than one slice). Each unit's rows are read once:
 * a row altered by hand shows its altered figure (it was read, not
 * recomputed), every branch of every unit is there, and a unit whose row was
 * rewritten since the start (its audit head moved, as another server's
 * write would) is recomputed from the records instead.
 */
let ctx: TestContext;
const year = Number(todayIso().slice(0, 4));
let other: App | undefined;
beforeAll(async () => { ctx = await build(); });
afterAll(async () => {
  // The second server shares ctx's database handle: its writes are awaited, not closed.
  await other?.quality.flush();
  await ctx.close();
});

interface Row { unit_id: number; audit_head: number; scores: string | Payload }
interface Payload { branches: { orgId: number; total: number }[] }
const payload = (r: Row) => (typeof r.scores === 'string' ? JSON.parse(r.scores) : r.scores) as Payload;

async function exec(text: string, params: unknown[]) {
  if (ctx.db.sqlite) ctx.db.sqlite.writer.prepare(text).run(...params);
  else { let i = 0; await ctx.db.pg!.pool.query(text.replace(/\?/g, () => `$${++i}`), params); }
}

/** One kept branch's total set by hand (as no server would), and optionally its row's audit head moved on. */
async function tamper(row: Row, total: number, moveHead: boolean) {
  const p = payload(row);
  p.branches[0]!.total = total;
  await exec(`update quality_scores set scores = ?${moveHead ? ', audit_head = audit_head + 1' : ''} where year = ? and as_of = ? and unit_id = ?`, [JSON.stringify(p), year, defaultAsOf(year), row.unit_id]);
}

describe('branch details read from the kept rows after a kept start', () => {
  it('reads every unit, shows what its row says, and recomputes a unit whose row changed since the start', async () => {
    const admin = await ctx.as('admin');
    const branches = async (inject: (o: { url: string; headers: Record<string, string> }) => Promise<{ json(): unknown }>, cookie: string) =>
      ((await inject({ url: `/api/quality/branches?year=${year}`, headers: { cookie } })).json() as { items: { orgId: number; unitId: number; total: number }[] }).items;
    await admin(`/api/quality/dashboard?year=${year}`);
    await ctx.app.quality.flush();
    const login = await ctx.anon({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: (await import('../../src/auth/demo-users.js')).DEMO_PASSWORD } });
    const cookie = `wj_session=${login.cookies.find((c) => c.name === 'wj_session')!.value}`;
    const truth = await branches((o) => ctx.app.inject(o), cookie);
    expect(truth.length).toBe(144);

    const rows = (await rawRows<Row>(ctx.db, 'select unit_id, audit_head, scores from quality_scores where year = ? and as_of = ? order by unit_id', [year, defaultAsOf(year)]))
      .filter((r) => payload(r).branches.length > 0);
    expect(rows.length).toBeGreaterThan(8); // more units than one slice of the read
    const [read, rewritten, last] = [rows[0]!, rows[1]!, rows[rows.length - 1]!];

    other = await buildApp({ config: { WEB_DIST: join(ctx.dir, 'no-web'), LOG_LEVEL: 'silent', ATTACHMENTS_DIR: join(ctx.dir, 'attachments') }, db: ctx.db, logger: false });
    await other.ready();
    // The kept start reads the subtotals only; then the rows change under it.
    expect((await other.inject({ url: `/api/quality/dashboard?year=${year}`, headers: { cookie } })).statusCode).toBe(200);
    await tamper(read, 1.5, false);
    await tamper(last, 2.5, false);
    await tamper(rewritten, 3.5, true);

    const seen = await branches((o) => other!.inject(o), cookie);
    expect(seen.map((b) => b.orgId).sort((a, b) => a - b)).toEqual(truth.map((b) => b.orgId).sort((a, b) => a - b));
    const total = (id: number) => seen.find((b) => b.orgId === id)!.total;
    const truthOf = (id: number) => truth.find((b) => b.orgId === id)!.total;
    expect(total(payload(read).branches[0]!.orgId)).toBe(1.5);
    expect(total(payload(last).branches[0]!.orgId)).toBe(2.5);
    // Rewritten since the start: computed again from the records, not the altered row.
    expect(total(payload(rewritten).branches[0]!.orgId)).toBe(truthOf(payload(rewritten).branches[0]!.orgId));
    expect(truthOf(payload(rewritten).branches[0]!.orgId)).not.toBe(3.5);
    // Every other branch as the first server scored it.
    const untouched = new Set([read, last, rewritten].map((r) => payload(r).branches[0]!.orgId));
    expect(seen.filter((b) => !untouched.has(b.orgId)).map((b) => [b.orgId, b.total]).sort((a, b) => a[0]! - b[0]!))
      .toEqual(truth.filter((b) => !untouched.has(b.orgId)).map((b) => [b.orgId, b.total]).sort((a, b) => a[0]! - b[0]!));
  });
});
