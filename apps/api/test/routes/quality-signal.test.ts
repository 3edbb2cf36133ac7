import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/index.js';
import { recordAudit } from '../../src/lib/audit.js';
import { changeSignal } from '../../src/modules/quality/change-signal.js';
import { freshDatabase } from '../helpers/db.js';

/**
 * A cached quality read checks nothing but the change signal
 * (modules/quality/change-signal.ts): it must stay while nothing is written
 * and move with every commit — one through another connection on the same
 * database (another server, or this server's writer beside its reader), and
 * on SQLite one through the reading connection itself (an in-memory database
 * has only one).
 */
let dir: string;
let target: { target: string; drop: () => Promise<void> };
const handles: Db[] = [];
const write = (db: Db, id: number) => db.transaction((tx) => recordAudit(tx, null, { action: 'update', entityType: 'org', entityId: id, orgId: null, before: null, after: { id } }));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-signal-'));
  target = await freshDatabase(dir, 'signal');
});
afterAll(async () => {
  for (const h of handles) await h.close();
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the change signal', () => {
  it('stays while nothing is written and moves with each commit, through another handle or its own', async () => {
    const reading = await openDb(target.target);
    const other = await openDb(target.target);
    handles.push(reading, other);
    const signal = changeSignal(reading);
    const s0 = await signal();
    expect(await signal()).toBe(s0);
    await write(other, 1);
    const s1 = await signal();
    expect(s1).not.toBe(s0);
    expect(await signal()).toBe(s1);
    await write(reading, 2);
    const s2 = await signal();
    expect(s2).not.toBe(s1);
    if (reading.sqlite) {
      const memory = await openDb(':memory:');
      handles.push(memory);
      const own = changeSignal(memory);
      const m0 = own();
      expect(own()).toBe(m0);
      await write(memory, 3);
      expect(own()).not.toBe(m0);
    }
  });
});
