import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, pgConnection, pgSessionOptions } from '../../src/db/index.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * The application's own PostgreSQL sessions: the score's group-bys may sort in memory (work_mem, PG_WORK_MEM),
 * and a loaded commission is planned from statistics (loadDemoData analyzes). On SQLite only the setting's check runs.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(() => ctx.close());

describe('PostgreSQL session settings', () => {
  it('PG_WORK_MEM: 64MB unless set; a size with kB, MB or GB, anything else refused', () => {
    const before = process.env.PG_WORK_MEM;
    try {
      delete process.env.PG_WORK_MEM;
      expect(pgSessionOptions()).toBe('-c work_mem=64MB');
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
    expect(rows[0]!.work_mem).toBe('64MB');
    const stats = await ctx.db.execute(sql`select count(*)::int as n from pg_stats where tablename in ('members', 'meetings', 'orgs')`);
    expect(Number((stats as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThan(10);
  });

  it('a URL\'s own options are kept ahead of the application\'s, which win: the reader stays read-only', async () => {
    expect(pgConnection('postgres://u@h:5432/db?sslmode=disable&options=-c%20search_path%3Dpublic', '-c work_mem=32MB'))
      .toEqual({ connectionString: 'postgres://u@h:5432/db?sslmode=disable', options: '-c search_path=public -c work_mem=32MB' });
    expect(pgConnection('postgres://u@h/db', '-c work_mem=32MB')).toEqual({ connectionString: 'postgres://u@h/db', options: '-c work_mem=32MB' });
    if (!ctx.db.pg) return;
    const url = new URL(ctx.db.pg.url);
    url.searchParams.set('options', '-c default_transaction_read_only=off -c work_mem=8MB -c application_name=x');
    const reader = await openReader(url.toString());
    try {
      const pool = reader.pg!.pool;
      expect((await pool.query<{ v: string }>('select current_setting(\'default_transaction_read_only\') as v')).rows[0]!.v).toBe('on');
      expect((await pool.query<{ v: string }>('select current_setting(\'work_mem\') as v')).rows[0]!.v).toBe('64MB');
      await expect(pool.query('create temporary table t (x int)')).rejects.toThrow(/read-only/);
    } finally {
      await reader.close();
    }
  });
});
