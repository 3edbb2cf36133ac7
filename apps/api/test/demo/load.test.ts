import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Db } from '../../src/db/index.js';
import { openTestDb } from '../helpers/db.js';
import {
  countDomainRows, ensureDemoData, generateCommission, loadDemoData, reloadDemoData, TABLE_KEYS, wipeDomainData, type DemoData,
} from '../../src/demo/index.js';

let dir: string;
let data: DemoData;
const open: (() => Promise<void>)[] = [];
const fresh = async (name: string) => {
  const { db, close } = await openTestDb(dir, name);
  open.push(close);
  return db;
};
const lengths = (d: DemoData) => Object.fromEntries(TABLE_KEYS.map((k) => [k, d[k].length]));
const activeMembers = async (db: Db) => (await db.select({ n: count() }).from(schema.members).where(eq(schema.members.status, 'active')))[0]!.n;
const activeBranches = async (db: Db) =>
  (await db.select({ n: count() }).from(schema.orgs).where(and(eq(schema.orgs.kind, 'branch'), eq(schema.orgs.status, 'active'))))[0]!.n;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wj-demo-load-'));
  data = generateCommission();
});
afterAll(async () => {
  for (const close of open) await close();
  rmSync(dir, { recursive: true, force: true });
});

const n = async (q: PromiseLike<{ n: number }[]>) => (await q)[0]!.n;

describe('loadDemoData', () => {
  it('puts every generated row into a fresh database', async () => {
    const db = await fresh('load');
    await loadDemoData(db, data);
    expect(await countDomainRows(db)).toEqual(lengths(data));
    expect(await activeBranches(db)).toBe(144);
    expect(await activeMembers(db)).toBe(3151);
    const retired = await n(db.select({ n: count() }).from(schema.members)
      .where(and(eq(schema.members.status, 'active'), eq(schema.members.employment, 'retired'))));
    expect(retired).toBe(740);
    // Booleans survive the round trip (SQLite stores 0/1, PostgreSQL booleans; both read back as booleans).
    const talents = await n(db.select({ n: count() }).from(schema.members).where(eq(schema.members.isTalent, true)));
    expect(talents).toBe(data.members.filter((m) => m.isTalent).length);
    const [brand] = await db.select().from(schema.brands).where(eq(schema.brands.name, '谨“肾”晓“心”医路为民'));
    expect(brand?.active).toBe(true);
  });

  it('doubles the organisation at scale 2', async () => {
    const db = await fresh('scale2');
    const double = generateCommission({ scale: 2 });
    await loadDemoData(db, double);
    expect(await countDomainRows(db)).toEqual(lengths(double));
    expect(await activeBranches(db)).toBe(2 * 144);
    expect(await activeMembers(db)).toBe(2 * 3151);
    const root = await db.select().from(schema.orgs).where(eq(schema.orgs.kind, 'committee'));
    expect(root).toHaveLength(1);
    expect(await n(db.select({ n: count() }).from(schema.orgs).where(eq(schema.orgs.parentId, root[0]!.id)))).toBe(24);
  });

  it('new rows after the load get ids after the generated ones (the id sequences continue)', async () => {
    const db = await fresh('ids');
    await loadDemoData(db, data);
    const maxId = Math.max(...data.meetings.map((m) => m.id as number));
    const template = data.meetings[0]!;
    const [row] = await db.transaction((tx) => tx.insert(schema.meetings).values({ ...template, id: undefined } as never).returning());
    expect(row!.id).toBeGreaterThan(maxId);
  });
});

describe('ensureDemoData', () => {
  it('loads the demo commission into an empty database once, and is a no-op afterwards', async () => {
    const db = await fresh('ensure');
    expect(await ensureDemoData(db)).toBe(true);
    const first = await countDomainRows(db);
    expect(first).toEqual(lengths(data));
    expect(await ensureDemoData(db)).toBe(false);
    expect(await countDomainRows(db)).toEqual(first);
  });
});

describe('wipeDomainData and reloadDemoData', () => {
  const user = (scopeOrgId: number | null) => ({
    username: `u${scopeOrgId ?? 'x'}`, displayName: '测试', passwordHash: 'x', role: 'unit_secretary' as const, scopeOrgId,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  });

  it('empties the domain tables and leaves users and rule sets alone', async () => {
    const db = await fresh('wipe');
    await loadDemoData(db, data);
    await db.transaction(async (tx) => {
      await tx.insert(schema.users).values(user(null));
      await tx.insert(schema.ruleSets).values({ version: 1, rules: {}, createdAt: '2026-01-01' });
    });
    await wipeDomainData(db);
    expect(Object.values(await countDomainRows(db)).every((x) => x === 0)).toBe(true);
    expect(await n(db.select({ n: count() }).from(schema.users))).toBe(1);
    expect(await n(db.select({ n: count() }).from(schema.ruleSets))).toBe(1);
  });

  it('refuses to strand a user scoped to a demo org, changing nothing', async () => {
    const db = await fresh('wipe-scoped');
    await loadDemoData(db, data);
    const unit = data.orgs.find((o) => o.institutionName === '市人民医院')!;
    await db.transaction((tx) => tx.insert(schema.users).values(user(unit.id)));
    await expect(wipeDomainData(db)).rejects.toThrow();
    expect(await countDomainRows(db)).toEqual(lengths(data));
  });

  it('reloads in one transaction, so scoped users keep pointing at the same unit', async () => {
    const db = await fresh('reload');
    await loadDemoData(db, data);
    const unit = data.orgs.find((o) => o.institutionName === '市人民医院')!;
    await db.transaction(async (tx) => {
      await tx.insert(schema.users).values(user(unit.id));
      await tx.delete(schema.meetings); // a user's edits, undone by the reload
    });
    await reloadDemoData(db, generateCommission());
    expect(await countDomainRows(db)).toEqual(lengths(data));
    const [scoped] = await db.select({ id: schema.users.scopeOrgId }).from(schema.users);
    const [org] = await db.select().from(schema.orgs).where(eq(schema.orgs.id, scoped!.id!));
    expect(org?.institutionName).toBe('市人民医院');
  });
});
