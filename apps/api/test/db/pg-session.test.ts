import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSessionOptions } from '../../src/db/index.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * The application's own PostgreSQL sessions: the score's group-bys may sort in memory (work_mem, PG_WORK_MEM),
 * and a loaded commission is planned from statistics (loadDemoData analyzes). On SQLite only the setting's check runs.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(() => ctx.close());

describe('PostgreSQL session settings', () => {
  it('PG_WORK_MEM: 32MB unless set; a size with kB, MB or GB, anything else refused', () => {
    const before = process.env.PG_WORK_MEM;
    try {
      delete process.env.PG_WORK_MEM;
      expect(pgSessionOptions()).toBe('-c work_mem=32MB');
      process.env.PG_WORK_MEM = '256kB';
      expect(pgSessionOptions()).toBe('-c work_mem=256kB');
      for (const bad of ['32 MB', '0MB', '32mb', 'lots', '32MB -c fsync=off', '', '9999999GB', '1234567MB']) {
        process.env.PG_WORK_MEM = bad;
        expect(() => pgSessionOptions(), bad).toThrow(/PG_WORK_MEM/);
      }
    } finally {
      if (before === undefined) delete process.env.PG_WORK_MEM; else process.env.PG_WORK_MEM = before;
    }
  });

  it('the API\'s connections run with that work_mem, and the demo commission has planner statistics', async () => {
    if (!ctx.db.pg) return;
    const { rows } = await ctx.db.pg.pool.query<{ work_mem: string }>('show work_mem');
    expect(rows[0]!.work_mem).toBe('32MB');
    const stats = await ctx.db.execute(sql`select count(*)::int as n from pg_stats where tablename in ('members', 'meetings', 'orgs')`);
    expect(Number((stats as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThan(10);
  });
});
