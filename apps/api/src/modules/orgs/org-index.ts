import { count, eq } from 'drizzle-orm';
import type { OrgCounts } from '@wj/domain/schemas';
import { inScope, type Scope } from '../../auth/scope.js';
import type { Queryable } from '../../db/index.js';
import { members, orgs } from '../../db/schema/index.js';

export type OrgRow = typeof orgs.$inferSelect;

/** The active org tree held in memory for one request: nodes, children and sub-tree counts. */
export interface OrgIndex {
  byId: Map<number, OrgRow>;
  children: Map<number, OrgRow[]>;
  counts: Map<number, OrgCounts>;
  root: OrgRow | undefined;
}

/**
 * With a scope, the tree is pruned to the orgs inside it and their ancestors
 * (so a unit secretary sees the path from the root down to the unit), and the
 * counts are those of what remains.
 */
export async function loadOrgIndex(db: Queryable, scope?: Scope): Promise<OrgIndex> {
  let rows = await db.select().from(orgs).where(eq(orgs.status, 'active')).orderBy(orgs.sortOrder, orgs.id);
  let visible: Set<number> | undefined;
  if (scope && !scope.all) {
    const all = new Map(rows.map((r) => [r.id, r]));
    visible = new Set(rows.filter((r) => inScope(scope, r)).map((r) => r.id));
    const keep = new Set<number>();
    for (const id of visible) {
      for (let n = all.get(id); n && !keep.has(n.id); n = n.parentId === null ? undefined : all.get(n.parentId)) keep.add(n.id);
    }
    rows = rows.filter((r) => keep.has(r.id));
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<number, OrgRow[]>();
  let root: OrgRow | undefined;
  for (const r of rows) {
    if (r.parentId === null) { root ??= r; continue; }
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }

  const own = new Map<number, { inService: number; retired: number }>();
  const grouped = await db
    .select({ orgId: members.orgId, employment: members.employment, n: count() })
    .from(members)
    .where(eq(members.status, 'active'))
    .groupBy(members.orgId, members.employment);
  for (const g of grouped) {
    if (visible && !visible.has(g.orgId)) continue;
    const c = own.get(g.orgId) ?? { inService: 0, retired: 0 };
    if (g.employment === 'retired') c.retired += g.n; else c.inService += g.n;
    own.set(g.orgId, c);
  }

  // Post-order sum from the leaves up, iteratively so a deep or huge tree cannot overflow the stack.
  const counts = new Map<number, OrgCounts>();
  const order: OrgRow[] = [];
  const stack = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of children.get(n.id) ?? []) stack.push(c);
  }
  for (const n of order.reverse()) {
    const o = own.get(n.id) ?? { inService: 0, retired: 0 };
    const total: OrgCounts = { branches: n.kind === 'branch' ? 1 : 0, members: 0, inService: o.inService, retired: o.retired };
    for (const c of children.get(n.id) ?? []) {
      const cc = counts.get(c.id)!;
      total.branches += cc.branches;
      total.inService += cc.inService;
      total.retired += cc.retired;
    }
    total.members = total.inService + total.retired;
    counts.set(n.id, total);
  }
  return { byId, children, counts, root };
}

/** Ids of the node and everything under it. */
export function subtreeIds(index: OrgIndex, id: number): number[] {
  const out: number[] = [];
  const stack = [id];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    for (const c of index.children.get(n) ?? []) stack.push(c.id);
  }
  return out;
}

/** Root-first chain of ancestors, the node included. */
export function pathTo(index: OrgIndex, id: number): OrgRow[] {
  const path: OrgRow[] = [];
  for (let n = index.byId.get(id); n; n = n.parentId === null ? undefined : index.byId.get(n.parentId)) path.unshift(n);
  return path;
}
