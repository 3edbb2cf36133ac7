import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { orgs } from '../../src/db/schema/index.js';
import { openTestDb } from '../helpers/db.js';

/**
 * The unit of work services rely on, on the run's engine: SQLite queues
 * transactions on its one writer, PostgreSQL runs them at SERIALIZABLE and
 * re-runs the ones it cannot serialise. Either way the same service code sees
 * all-or-nothing writes, no half-done state from outside, and no lost update.
 */
let dir: string;
let db: Db;
let close: () => Promise<void>;
let orgId: number;
const now = '2026-12-01T00:00:00.000Z';
const version = async () => (await db.select({ v: orgs.version }).from(orgs).where(eq(orgs.id, orgId)))[0]!.v;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-tx-'));
  ({ db, close } = await openTestDb(dir, 'tx'));
  const [row] = await db.transaction((tx) => tx.insert(orgs).values({ kind: 'committee', name: '委机关党委', updatedAt: now }).returning());
  orgId = row!.id;
});
afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

describe('transactions on ' + (process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'), () => {
  it('a write is not seen from outside until its transaction commits', async () => {
    let seenInside: string | undefined;
    let seenOutside: string | undefined;
    await db.transaction(async (tx) => {
      await tx.update(orgs).set({ name: '改名中' }).where(eq(orgs.id, orgId));
      seenInside = (await tx.select({ n: orgs.name }).from(orgs).where(eq(orgs.id, orgId)))[0]!.n;
      seenOutside = (await db.select({ n: orgs.name }).from(orgs).where(eq(orgs.id, orgId)))[0]!.n;
    });
    expect(seenInside).toBe('改名中');
    expect(seenOutside).toBe('委机关党委');
    expect((await db.select({ n: orgs.name }).from(orgs).where(eq(orgs.id, orgId)))[0]!.n).toBe('改名中');
  });

  it('a throw rolls back every write of the transaction, and the next one starts clean', async () => {
    const before = await version();
    await expect(db.transaction(async (tx) => {
      await tx.update(orgs).set({ version: before + 100 }).where(eq(orgs.id, orgId));
      await tx.insert(orgs).values({ kind: 'branch', name: '不应留下', parentId: orgId, updatedAt: now });
      throw new Error('refused halfway');
    })).rejects.toThrow('refused halfway');
    expect(await version()).toBe(before);
    expect(await db.select().from(orgs).where(eq(orgs.name, '不应留下'))).toHaveLength(0);
    await db.transaction((tx) => tx.update(orgs).set({ sortOrder: 1 }).where(eq(orgs.id, orgId)));
    expect((await db.select({ s: orgs.sortOrder }).from(orgs).where(eq(orgs.id, orgId)))[0]!.s).toBe(1);
  });

  it('30 concurrent read-then-write transactions on one row lose no update', async () => {
    const before = await version();
    await Promise.all(Array.from({ length: 30 }, () => db.transaction(async (tx) => {
      const [row] = await tx.select({ v: orgs.version }).from(orgs).where(eq(orgs.id, orgId));
      await new Promise((r) => setTimeout(r, 1)); // let the others interleave
      await tx.update(orgs).set({ version: row!.v + 1 }).where(eq(orgs.id, orgId));
    })));
    expect(await version()).toBe(before + 30);
  });

  it('a savepoint inside a transaction rolls back alone', async () => {
    const before = await version();
    await db.transaction(async (tx) => {
      await tx.update(orgs).set({ version: before + 1 }).where(eq(orgs.id, orgId));
      await expect(tx.transaction(async (sp) => {
        await sp.update(orgs).set({ version: before + 50 }).where(eq(orgs.id, orgId));
        throw new Error('inner');
      })).rejects.toThrow('inner');
    });
    expect(await version()).toBe(before + 1);
  });

  it('opening a transaction from inside another is refused at once, instead of waiting for itself', async () => {
    await expect(db.transaction(async () => {
      await db.transaction(async () => undefined);
    })).rejects.toThrow(/inside a transaction/);
  });

  it('the refusal holds in a transaction that outlives another begun with it, and a transaction after them all is let through', async () => {
    // The guard's storage is switched off when no transaction is open (db/index.ts): the one still open must keep it on.
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    const short = db.transaction(async (tx) => { await tx.select({ v: orgs.version }).from(orgs).where(eq(orgs.id, orgId)); });
    const long = db.transaction(async () => {
      await held;
      await db.transaction(async () => undefined);
    });
    await short;
    release();
    await expect(long).rejects.toThrow(/inside a transaction/);
    await expect(db.transaction(async (tx) => (await tx.select({ v: orgs.version }).from(orgs).where(eq(orgs.id, orgId)))[0]!.v)).resolves.toBeTypeOf('number');
  });
});
