// engine: sqlite
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openDb, type Db } from '../../src/db/index.js';
import { generateCommission, loadDemoData } from '../../src/demo/index.js';
import { backupDatabase } from '../../src/ops/backup.js';
import { restoreDatabase } from '../../src/ops/restore.js';

/**
 * An online backup while another thread keeps writing through its own
 * connection: the restored file holds every write acknowledged before the
 * backup began, holds only whole transactions (each 组织生活 record with its
 * audit row), and passes SQLite's integrity and foreign-key checks.
 */
let dir: string;
let db: Db;
let orgId: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-backup-writes-'));
  db = await openDb(join(dir, 'live.sqlite'));
  await loadDemoData(db, generateCommission()); // a realistic size: the copy takes many steps
  orgId = (db.sqlite!.reader.prepare("select id from orgs where kind = 'branch' and status = 'active' order by id limit 1").get() as { id: number }).id;
}, 60_000);
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Ack { ack: number; id: number }

describe('backup during writes', () => {
  it('keeps every write acknowledged before it began, and only whole transactions', async () => {
    const worker = new Worker(new URL('./fixtures/backup-writer.mjs', import.meta.url), { workerData: { dbPath: join(dir, 'live.sqlite'), orgId } });
    const acks: Ack[] = [];
    let done: number | null = null;
    let waiting: (() => void) | null = null;
    worker.on('message', (m: Ack | { done: number }) => {
      if ('done' in m) done = m.done; else acks.push(m);
      waiting?.();
    });
    const until = (cond: () => boolean) => new Promise<void>((resolve) => {
      const check = () => { if (cond()) { waiting = null; resolve(); } };
      waiting = check;
      check();
    });

    await until(() => acks.length >= 200);
    const ackedBefore = acks.length; // every one of these was committed before the backup started
    const started = Date.now();
    const file = await backupDatabase(db, join(dir, 'backups'));
    const took = Date.now() - started;
    const ackedDuring = acks.length - ackedBefore;
    worker.postMessage('stop');
    await until(() => done !== null);
    await worker.terminate();
    console.log(`backup under writes: ${ackedBefore} writes acknowledged before, ${ackedDuring} during the ${took} ms backup, ${done} in all`);
    expect(ackedDuring, 'the writer kept writing while the backup ran').toBeGreaterThan(0);

    const restored = join(dir, 'restored.sqlite');
    await restoreDatabase(file, restored);
    const r = new Database(restored, { readonly: true });
    try {
      expect(r.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(r.pragma('foreign_key_check')).toEqual([]);
      const meetings = r.prepare("select id, topic from meetings where updated_by = 'writer' order by id").all() as { id: number; topic: string }[];
      const audits = r.prepare("select entity_id as entityId, after from audit_log where username = 'writer' order by id").all() as { entityId: string; after: string }[];
      const ns = meetings.map((m) => Number(m.topic.replace('写入 #', '')));
      // Every acknowledged-before write is there, and the writes present are exactly 1..k: a point in time, no holes.
      expect(ns.length).toBeGreaterThanOrEqual(ackedBefore);
      expect(ns).toEqual(Array.from({ length: ns.length }, (_, i) => i + 1));
      const byN = new Map(acks.map((a) => [a.ack, a.id]));
      for (let n = 1; n <= ackedBefore; n++) expect(meetings[n - 1]!.id).toBe(byN.get(n));
      // Whole transactions only: each record has its audit row and each audit row its record.
      expect(audits.map((a) => Number(a.entityId))).toEqual(meetings.map((m) => m.id));
      expect(audits.map((a) => (JSON.parse(a.after) as { n: number }).n)).toEqual(ns);
    } finally {
      r.close();
    }
  }, 60_000);
});
