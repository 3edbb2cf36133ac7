// engine: postgres
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureDemoUsers } from '../../src/auth/demo-users.js';
import { openDb, type Db } from '../../src/db/index.js';
import { users } from '../../src/db/schema/index.js';
import { countDomainRows, ensureDemoData, generateCommission, TABLE_KEYS } from '../../src/demo/index.js';
import { freshDatabase } from '../helpers/db.js';

/**
 * Three servers starting at once on one empty PostgreSQL database (several
 * processes behind a load balancer): migrations run one after the other, the
 * demo commission and the demo logins are loaded exactly once.
 */
let dir: string;
let target: { target: string; drop: () => Promise<void> };
const dbs: Db[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-pg-start-'));
  target = await freshDatabase(dir, 'start');
});
afterAll(async () => {
  for (const db of dbs) await db.close();
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

it('three servers starting together migrate once and load the demo data and logins once', async () => {
  const started = await Promise.all([0, 1, 2].map(async () => {
    const db = await openDb(target.target);
    dbs.push(db);
    const loaded = await ensureDemoData(db);
    const logins = await ensureDemoUsers(db);
    return { loaded, logins };
  }));
  expect(started.filter((s) => s.loaded)).toHaveLength(1);
  const data = generateCommission();
  expect(await countDomainRows(dbs[0]!)).toEqual(Object.fromEntries(TABLE_KEYS.map((k) => [k, data[k].length])));
  expect((await dbs[1]!.select({ n: count() }).from(users))[0]!.n).toBe(5);
});
