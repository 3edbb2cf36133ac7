import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, max } from 'drizzle-orm';
import type { MemberPage, OrgDetail, OrgTreeNode } from '@wj/domain/schemas';
import { openDb, type Db } from '../../src/db/index.js';
import { auditLog, members, orgs } from '../../src/db/schema/index.js';
import { recordAudit } from '../../src/lib/audit.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * The server keeps the org tree between requests (modules/orgs/org-index.ts).
 * A write made elsewhere — here a second handle on the same database, as a
 * second server process would be — with its audit row is seen by the very
 * next tree, detail and member-page read; and a direct write the log never
 * heard of is not, until something is logged (what the cache is keyed on).
 */
let ctx: TestContext;
let admin: Client;
let other: Db;
let branch: { id: number; name: string; unitId: number };
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  other = await openDb(ctx.db.sqlite?.path ?? ctx.db.pg!.url);
  const [b] = await ctx.db.select({ id: orgs.id, name: orgs.name, unitId: orgs.unitId }).from(orgs)
    .where(and(eq(orgs.kind, 'branch'), eq(orgs.status, 'active'))).orderBy(orgs.id).limit(1);
  branch = { id: b!.id, name: b!.name, unitId: b!.unitId! };
});
afterAll(async () => {
  await other.close();
  await ctx.close();
});

function find(n: OrgTreeNode, id: number): OrgTreeNode | undefined {
  if (n.id === id) return n;
  for (const c of n.children) { const hit = find(c, id); if (hit) return hit; }
  return undefined;
}

async function reads() {
  const tree = (await admin('/api/orgs/tree')).json().root as OrgTreeNode;
  const unit = (await admin(`/api/orgs/${branch.unitId}`)).json() as OrgDetail;
  const page = (await admin(`/api/orgs/${branch.unitId}/members?page=1&pageSize=20&status=active`)).json() as MemberPage;
  return { node: find(tree, branch.id)!, root: tree, child: unit.children.find((c) => c.id === branch.id)!, total: page.total };
}

/** One active member of the branch leaves and the branch is renamed, in one transaction on the other handle; logged when `logged`. */
async function writeElsewhere(name: string, logged: boolean) {
  const [m] = await other.select({ id: members.id }).from(members)
    .where(and(eq(members.orgId, branch.id), eq(members.status, 'active'))).orderBy(members.id).limit(1);
  await other.transaction(async (tx) => {
    await tx.update(members).set({ status: 'transferred_out' }).where(eq(members.id, m!.id));
    await tx.update(orgs).set({ name }).where(eq(orgs.id, branch.id));
    if (logged) await recordAudit(tx, null, { action: 'update', entityType: 'member', entityId: m!.id, orgId: branch.id });
  });
}

describe('the kept org tree', () => {
  it('a logged write in another process shows in the next tree, org detail and member page', async () => {
    const before = await reads();
    expect(before.node.name).toBe(branch.name);
    expect(before.node.counts.members).toBeGreaterThan(1);
    await writeElsewhere('改名后的支部', true);
    const after = await reads();
    expect(after.node.name).toBe('改名后的支部');
    expect(after.child.name).toBe('改名后的支部');
    expect(after.node.counts.members).toBe(before.node.counts.members - 1);
    expect(after.child.counts.members).toBe(before.child.counts.members - 1);
    expect(after.root.counts.members).toBe(before.root.counts.members - 1);
    expect(after.total).toBe(before.total - 1);
  });

  it('is served from memory until the audit log moves: an unlogged write shows only after the next logged one', async () => {
    const before = await reads();
    await writeElsewhere('未记日志的改名', false);
    const stale = await reads();
    expect(stale.node.name).toBe(before.node.name);
    expect(stale.node.counts.members).toBe(before.node.counts.members);
    await other.transaction((tx) => recordAudit(tx, null, { action: 'update', entityType: 'org', entityId: branch.id, orgId: branch.id }));
    const fresh = await reads();
    expect(fresh.node.name).toBe('未记日志的改名');
    expect(fresh.node.counts.members).toBe(before.node.counts.members - 1);
  });

  it('answers a browser\'s revalidation with 304 while the tree stands, and with the new tree (gzipped when asked) after a write', async () => {
    const first = await admin({ url: '/api/orgs/tree', headers: { 'accept-encoding': 'gzip' } });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-encoding']).toBe('gzip');
    const tag = String(first.headers.etag);
    const plain = await admin('/api/orgs/tree');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(gunzipSync(first.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect((await admin({ url: '/api/orgs/tree', headers: { 'if-none-match': tag } })).statusCode).toBe(304);
    // Another user's tree (a unit secretary's scope) is another body: the admin's tag is no match for it.
    const renmin = await ctx.as('renmin');
    expect((await renmin({ url: '/api/orgs/tree', headers: { 'if-none-match': tag } })).statusCode).toBe(200);
    await writeElsewhere('再次改名的支部', true);
    const after = await admin({ url: '/api/orgs/tree', headers: { 'if-none-match': tag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(tag);
    expect(find(after.json().root, branch.id)!.name).toBe('再次改名的支部');
  });
});

// Last: it writes audit rows with ids of its own choosing, which the id sequence does not know of.
describe('a write that commits below the audit head already seen (PostgreSQL hands out ids at insert, not at commit)', () => {
  it('a late 组织生活 row keeps the tree; a late org row rebuilds it', async () => {
    const [top] = await ctx.db.select({ head: max(auditLog.id) }).from(auditLog);
    // Far above the rows the tests before wrote, so that the window a late row is looked for in (audit-head.ts) holds only these.
    const base = top!.head! + 2000;
    const log = (id: number, entityType: string) => other.transaction(async (tx) => {
      await tx.insert(auditLog).values({ id, at: new Date().toISOString(), username: 'test', action: 'update', entityType, entityId: String(branch.id), orgId: branch.id });
    });
    const before = await reads();
    await writeElsewhere('迟到日志之前的改名', false);
    // Two 组织生活 writes in order: the tree stands (they change nothing of it), the unlogged rename unseen.
    await log(base + 3, 'meeting');
    expect((await reads()).node.name).toBe(before.node.name);
    await log(base + 4, 'meeting');
    expect((await reads()).node.name).toBe(before.node.name);
    // One that took a lower id commits now: the rows in the window are all 组织生活, so the tree still stands
    // (before, any late row rebuilt the whole tree — on PostgreSQL with two servers writing, most checks).
    await log(base + 2, 'meeting');
    expect((await reads()).node.name).toBe(before.node.name);
    // A late write that may change the tree: rebuilt, the rename and the member who left seen.
    await log(base + 1, 'org');
    const fresh = await reads();
    expect(fresh.node.name).toBe('迟到日志之前的改名');
    expect(fresh.node.counts.members).toBe(before.node.counts.members - 1);
  });
});
