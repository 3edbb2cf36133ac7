import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, schema, type Db } from '../../src/db/index.js';
import {
  countDomainRows, ensureDemoData, generateCommission, loadDemoData, reloadDemoData, TABLE_KEYS, wipeDomainData, type DemoData,
} from '../../src/demo/index.js';

let dir: string;
let data: DemoData;
const open: Db[] = [];
const fresh = (name: string) => {
  const db = openDb(join(dir, `${name}.sqlite`));
  open.push(db);
  return db;
};
const lengths = (d: DemoData) => Object.fromEntries(TABLE_KEYS.map((k) => [k, d[k].length]));
const activeMembers = (db: Db) => db.select({ n: count() }).from(schema.members).where(eq(schema.members.status, 'active')).get()!.n;
const activeBranches = (db: Db) =>
  db.select({ n: count() }).from(schema.orgs).where(and(eq(schema.orgs.kind, 'branch'), eq(schema.orgs.status, 'active'))).get()!.n;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wj-demo-load-'));
  data = generateCommission();
});
afterAll(() => {
  for (const db of open) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadDemoData', () => {
  it('puts every generated row into a fresh database', () => {
    const db = fresh('load');
    loadDemoData(db, data);
    expect(countDomainRows(db)).toEqual(lengths(data));
    expect(activeBranches(db)).toBe(144);
    expect(activeMembers(db)).toBe(3151);
    const retired = db.select({ n: count() }).from(schema.members)
      .where(and(eq(schema.members.status, 'active'), eq(schema.members.employment, 'retired'))).get()!.n;
    expect(retired).toBe(740);
    // Booleans survive the round trip (stored 0/1, read back as booleans).
    const talents = db.select({ n: count() }).from(schema.members).where(eq(schema.members.isTalent, true)).get()!.n;
    expect(talents).toBe(data.members.filter((m) => m.isTalent).length);
    const brand = db.select().from(schema.brands).where(eq(schema.brands.name, '谨“肾”晓“心”医路为民')).get();
    expect(brand?.active).toBe(true);
  });

  it('doubles the organisation at scale 2', () => {
    const db = fresh('scale2');
    const double = generateCommission({ scale: 2 });
    loadDemoData(db, double);
    expect(countDomainRows(db)).toEqual(lengths(double));
    expect(activeBranches(db)).toBe(2 * 144);
    expect(activeMembers(db)).toBe(2 * 3151);
    const root = db.select().from(schema.orgs).where(eq(schema.orgs.kind, 'committee')).all();
    expect(root).toHaveLength(1);
    expect(db.select({ n: count() }).from(schema.orgs).where(eq(schema.orgs.parentId, root[0]!.id)).get()!.n).toBe(24);
  });
});

describe('ensureDemoData', () => {
  it('loads the demo commission into an empty database once, and is a no-op afterwards', () => {
    const db = fresh('ensure');
    expect(ensureDemoData(db)).toBe(true);
    const first = countDomainRows(db);
    expect(first).toEqual(lengths(data));
    expect(ensureDemoData(db)).toBe(false);
    expect(countDomainRows(db)).toEqual(first);
  });
});

describe('wipeDomainData and reloadDemoData', () => {
  const user = (scopeOrgId: number | null) => ({
    username: `u${scopeOrgId ?? 'x'}`, displayName: '测试', passwordHash: 'x', role: 'unit_secretary' as const, scopeOrgId,
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  });

  it('empties the domain tables and leaves users and rule sets alone', () => {
    const db = fresh('wipe');
    loadDemoData(db, data);
    db.insert(schema.users).values(user(null)).run();
    db.insert(schema.ruleSets).values({ version: 1, rules: {}, createdAt: '2026-01-01' }).run();
    wipeDomainData(db);
    expect(Object.values(countDomainRows(db)).every((n) => n === 0)).toBe(true);
    expect(db.select({ n: count() }).from(schema.users).get()!.n).toBe(1);
    expect(db.select({ n: count() }).from(schema.ruleSets).get()!.n).toBe(1);
  });

  it('refuses to strand a user scoped to a demo org, changing nothing', () => {
    const db = fresh('wipe-scoped');
    loadDemoData(db, data);
    const unit = data.orgs.find((o) => o.institutionName === '市人民医院')!;
    db.insert(schema.users).values(user(unit.id)).run();
    expect(() => wipeDomainData(db)).toThrow();
    expect(countDomainRows(db)).toEqual(lengths(data));
  });

  it('reloads in one transaction, so scoped users keep pointing at the same unit', () => {
    const db = fresh('reload');
    loadDemoData(db, data);
    const unit = data.orgs.find((o) => o.institutionName === '市人民医院')!;
    db.insert(schema.users).values(user(unit.id)).run();
    db.delete(schema.meetings).run(); // a user's edits, undone by the reload
    reloadDemoData(db, generateCommission());
    expect(countDomainRows(db)).toEqual(lengths(data));
    const scope = db.select({ id: schema.users.scopeOrgId }).from(schema.users).get()!.id!;
    expect(db.select().from(schema.orgs).where(eq(schema.orgs.id, scope)).get()?.institutionName).toBe('市人民医院');
  });
});
