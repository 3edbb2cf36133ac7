import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteUserSessions } from '../../src/auth/sessions.js';
import { openDb, type Db } from '../../src/db/index.js';
import { users } from '../../src/db/schema/index.js';
import { PG_SIGNAL } from '../../src/modules/quality/change-signal.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * Each logged-in request reads its session and the change signal its caches are checked against. On
 * PostgreSQL one statement reads both for every request waiting (auth/sessions.ts, PgRequestReads): a
 * request that arrives while a statement is in flight must wait for the next one, or it would be answered
 * from a snapshot older than itself — a session ended on another server would still open this request.
 * On SQLite the same requests read synchronously; the outcomes asked for are the same on both engines.
 */
let ctx: TestContext;
let other: Db;
const READS = 'wj-request-reads';
type Query = (config: unknown, values?: unknown) => Promise<unknown>;

/** Wraps the pool's query (PostgreSQL): `around` sees each call's config and the original call. */
function aroundQueries(db: Db, around: (config: { name?: string; text?: string }, original: () => Promise<unknown>) => Promise<unknown>): () => void {
  const pool = db.pg!.pool as unknown as { query: Query };
  const original = pool.query;
  pool.query = function (this: unknown, config: unknown, values?: unknown) {
    const cfg = (typeof config === 'string' ? { text: config } : config) as { name?: string; text?: string };
    return around(cfg, () => original.call(pool, config, values));
  } as Query;
  return () => { pool.query = original; };
}

/** Resolves once `done()` holds (checked every few milliseconds, at most 5 s). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!done()) throw new Error('timed out waiting');
}

beforeAll(async () => {
  ctx = await build();
  other = await openDb(ctx.db.sqlite?.path ?? ctx.db.pg!.url);
});
afterAll(async () => {
  await other.close();
  await ctx.close();
});

describe('a request\'s session and change signal', () => {
  it('a request sent while an earlier read is in flight sees a session ended, on another server, before it was sent', async () => {
    const renmin = await ctx.as('renmin');
    expect((await renmin('/api/auth/me')).statusCode).toBe(200);
    const [user] = await other.select({ id: users.id }).from(users).where(eq(users.username, 'renmin'));

    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    let read: Promise<void> | undefined;
    let restore = () => {};
    if (ctx.db.pg) {
      // The first statement runs at once (its snapshot is taken now); its answer is held until released.
      let first = true;
      restore = aroundQueries(ctx.db, (cfg, original) => {
        if (cfg.name !== READS || !first) return original();
        first = false;
        const answer = original();
        read = answer.then(() => undefined);
        return answer.then(async (r) => { await held; return r; });
      });
    }
    try {
      const before = renmin('/api/auth/me');
      // Its statement is sent at the end of a turn of the event loop: wait until it has been sent and has run.
      if (ctx.db.pg) { await until(() => read !== undefined); await read; } else await before;
      await other.transaction((tx) => deleteUserSessions(tx, user!.id));
      const after = renmin('/api/auth/me');
      release();
      // Sent before the session ended: read before it too. Sent after: refused.
      expect((await before).statusCode).toBe(200);
      expect((await after).statusCode).toBe(401);
    } finally {
      restore();
      release();
    }
  });

  it('with both statements in flight held, a request sent after a session ended waits for a third, sent after it', async () => {
    const yanke = await ctx.as('yanke');
    expect((await yanke('/api/auth/me')).statusCode).toBe(200);
    const [user] = await other.select({ id: users.id }).from(users).where(eq(users.username, 'yanke'));
    let release = () => {};
    const held = new Promise<void>((r) => { release = r; });
    const run: Promise<unknown>[] = [];
    let inFlight = 0;
    let most = 0;
    const restore = ctx.db.pg
      ? aroundQueries(ctx.db, (cfg, original) => {
        if (cfg.name !== READS) return original();
        inFlight += 1;
        most = Math.max(most, inFlight);
        const answer = original();
        run.push(answer);
        // The first two are held after their snapshot is taken; the later ones answer at once.
        const out = run.length <= 2 ? answer.then(async (r) => { await held; return r; }) : answer;
        return out.finally(() => { inFlight -= 1; });
      })
      : () => {};
    try {
      const first = yanke('/api/auth/me');
      if (ctx.db.pg) { await until(() => run.length === 1); await run[0]; } else await first;
      const second = yanke('/api/auth/me');
      if (ctx.db.pg) { await until(() => run.length === 2); await run[1]; } else await second;
      await other.transaction((tx) => deleteUserSessions(tx, user!.id));
      const third = yanke('/api/auth/me');
      if (ctx.db.pg) {
        // Both statements are busy: the third request has no statement of its own yet.
        await new Promise((r) => setTimeout(r, 50));
        expect(run.length).toBe(2);
      }
      release();
      expect((await first).statusCode).toBe(200);
      expect((await second).statusCode).toBe(200);
      expect((await third).statusCode).toBe(401);
      if (ctx.db.pg) {
        expect(run.length).toBe(3);
        expect(most).toBe(2);
      }
    } finally {
      restore();
      release();
    }
  });

  it('concurrent requests are answered each as a read of its own would be; on PostgreSQL a few statements serve them all', async () => {
    const admin = await ctx.as('admin');
    const leader = await ctx.as('leader');
    const jijiu = await ctx.as('jijiu');
    const url = '/api/quality/dashboard?year=2026&asOf=2026-11-20';
    // Twice: the first scoring of a database writes its default rule set, which moves the signal.
    await admin(url);
    const warm = await admin(url);
    expect(warm.statusCode).toBe(200);
    const counts = { reads: 0, signal: 0, other: new Map<string, number>() };
    const restore = ctx.db.pg
      ? aroundQueries(ctx.db, (cfg, original) => {
        if (cfg.name === READS) counts.reads++;
        else if (cfg.text === PG_SIGNAL) counts.signal++;
        else counts.other.set(cfg.text ?? cfg.name ?? '', (counts.other.get(cfg.text ?? cfg.name ?? '') ?? 0) + 1);
        return original();
      })
      : () => {};
    try {
      const callers = [admin, leader, jijiu];
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => callers[i % 3]!(i % 3 === 2 ? '/api/auth/me' : url)));
      for (const [i, res] of answers.entries()) {
        expect(res.statusCode).toBe(200);
        if (i % 3 === 2) expect(res.json().username).toBe('jijiu');
        else expect(res.body).toBe(warm.body);
      }
      if (ctx.db.pg) {
        const others = [...counts.other.values()].reduce((a, b) => a + b, 0);
        console.log(`60 concurrent requests (3 sessions): ${counts.reads} statement(s) read their sessions and change signal, ${counts.signal} read the signal alone, ${others} other`);
        expect(counts.reads).toBeGreaterThan(0);
        expect(counts.reads).toBeLessThan(10);
        // The dashboard's cache is checked against the signal read with the session: no read of its own, no other
        // statement; /api/auth/me reads the caller's org name (20 requests as jijiu).
        expect(counts.signal).toBe(0);
        expect([...counts.other]).toEqual([['select "name" from "orgs" where "orgs"."id" = $1', 20]]);
      }
    } finally {
      restore();
    }
  });

  it('a failed read fails the requests it served, closed; the next request reads again', async () => {
    const admin = await ctx.as('admin');
    if (!ctx.db.pg) {
      expect((await admin('/api/auth/me')).statusCode).toBe(200);
      return;
    }
    let fail = true;
    const restore = aroundQueries(ctx.db, (cfg, original) => {
      if (cfg.name === READS && fail) { fail = false; return Promise.reject(new Error('connection lost')); }
      return original();
    });
    try {
      const refused = await admin('/api/auth/me');
      expect(refused.statusCode).toBe(500);
      expect(refused.body).not.toContain('admin');
      expect((await admin('/api/auth/me')).json().username).toBe('admin');
    } finally {
      restore();
    }
  });
});
