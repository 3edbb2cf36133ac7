// engine: sqlite
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/index.js';
import { orgs } from '../../src/db/schema/index.js';

/** SQLite's reads go to a read-only connection: a write that skipped db.transaction() fails loudly instead of slipping in between another request's statements. */
let dir: string;
let db: Db;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-sqlite-writer-'));
  db = await openDb(join(dir, 'w.sqlite'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('a write outside a transaction is refused and leaves nothing', async () => {
  await expect(db.insert(orgs).values({ kind: 'committee', name: '越过事务', updatedAt: '2026-12-01' })).rejects.toThrow(/readonly/);
  expect(await db.select().from(orgs)).toHaveLength(0);
});
