import { and, count, eq, gt, gte, lte, notInArray } from 'drizzle-orm';
import type { OrgCounts } from '@wj/domain/schemas';
import { inScope, type Scope } from '../../auth/scope.js';
import type { Queryable } from '../../db/index.js';
import { auditLog, members, orgs } from '../../db/schema/index.js';
import { checkAudit, sinceOf, type AuditStamp } from '../quality/audit-head.js';

export type OrgRow = typeof orgs.$inferSelect;

/**
 * The active org tree: nodes, children and sub-tree counts. Shared between
 * requests (see `orgIndex` below): callers read it and never change it.
 */
export interface OrgIndex {
  byId: Map<number, OrgRow>;
  children: Map<number, OrgRow[]>;
  counts: Map<number, OrgCounts>;
  root: OrgRow | undefined;
  /** The orgs inside the caller's scope; the others in `byId` are their ancestors, shown for context only. Undefined: all are inside. */
  visible: ReadonlySet<number> | undefined;
}

type Own = Map<number, { inService: number; retired: number }>;

/** What the tree is built from: the active orgs in tree order and each org's own active members by employment. */
interface Records { rows: OrgRow[]; own: Own; byId: Map<number, OrgRow> }

async function readRecords(db: Queryable): Promise<Records> {
  const [rows, grouped] = await Promise.all([
    db.select().from(orgs).where(eq(orgs.status, 'active')).orderBy(orgs.sortOrder, orgs.id),
    db.select({ orgId: members.orgId, employment: members.employment, n: count() })
      .from(members).where(eq(members.status, 'active')).groupBy(members.orgId, members.employment),
  ]);
  return records(rows, grouped);
}

/** Orgs read in one slice of a rebuild (in id order, each slice after the last one's highest id). */
export const REBUILD_SLICE_ORGS = 100;

/**
 * The same records read a slice of orgs at a time, the event loop free in
 * between (SQLite's reads are synchronous): at 100× the whole read — 16,757
 * orgs and 315,100 members counted — held the loop about 150–180 ms on the
 * first request after any write to orgs or members (issue 11, goal 5). Each
 * slice is the next REBUILD_SLICE_ORGS active orgs by id and the members of
 * the ids from its first to its last, so the number of slices follows the
 * orgs, however sparse their ids. The slices are not one snapshot: a write
 * landing between them moved the audit head after the stamp this rebuild was
 * taken under, so the next request's check rebuilds again.
 */
async function readRecordsInSlices(db: Queryable): Promise<Records> {
  const rows: OrgRow[] = [];
  const grouped: { orgId: number; employment: string; n: number }[] = [];
  for (let after = 0; ;) {
    const part = await db.select().from(orgs).where(and(eq(orgs.status, 'active'), gt(orgs.id, after))).orderBy(orgs.id).limit(REBUILD_SLICE_ORGS);
    if (part.length === 0) break;
    const lo = part[0]!.id;
    const hi = part[part.length - 1]!.id;
    const counted = await db.select({ orgId: members.orgId, employment: members.employment, n: count() })
      .from(members).where(and(eq(members.status, 'active'), gte(members.orgId, lo), lte(members.orgId, hi))).groupBy(members.orgId, members.employment);
    for (const r of part) rows.push(r);
    for (const g of counted) grouped.push(g);
    after = hi;
    await new Promise((r) => setImmediate(r));
  }
  // Tree order, as the one-query read sorts it.
  rows.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  return records(rows, grouped);
}

function records(rows: OrgRow[], grouped: { orgId: number; employment: string; n: number }[]): Records {
  const own: Own = new Map();
  for (const g of grouped) {
    const c = own.get(g.orgId) ?? { inService: 0, retired: 0 };
    if (g.employment === 'retired') c.retired += g.n; else c.inService += g.n;
    own.set(g.orgId, c);
  }
  return { rows, own, byId: new Map(rows.map((r) => [r.id, r])) };
}

/**
 * With a scope, the tree is pruned to the orgs inside it and their ancestors
 * (so a unit secretary sees the path from the root down to the unit), and the
 * counts are those of what remains.
 */
function buildIndex({ rows: all, own: allOwn, byId: allById }: Records, scope?: Scope): OrgIndex {
  let rows = all;
  let visible: Set<number> | undefined;
  if (scope && !scope.all) {
    const byId = allById;
    visible = new Set(all.filter((r) => inScope(scope, r)).map((r) => r.id));
    const keep = new Set<number>();
    for (const id of visible) {
      for (let n = byId.get(id); n && !keep.has(n.id); n = n.parentId === null ? undefined : byId.get(n.parentId)) keep.add(n.id);
    }
    rows = all.filter((r) => keep.has(r.id));
  }
  const byId = rows === all ? allById : new Map(rows.map((r) => [r.id, r]));
  const children = new Map<number, OrgRow[]>();
  let root: OrgRow | undefined;
  for (const r of rows) {
    if (r.parentId === null) { root ??= r; continue; }
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
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
    const o = (!visible || visible.has(n.id) ? allOwn.get(n.id) : undefined) ?? { inService: 0, retired: 0 };
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
  return { byId, children, counts, root, visible };
}

/**
 * Every entity type the code writes to the audit log, classified by whether
 * its writes can change the tree (orgs, members, their counts). The kept tree
 * survives only the neutral ones — a 组织生活 record or an attachment leaves
 * it as it was; anything else, a type listed in neither (a writer added
 * since) and any row the window check cannot place, rebuilds it.
 * `test/routes/org-audit-types.test.ts` finds every type the source writes and
 * fails until a new one is listed here, and refuses a neutral type from a
 * module that writes orgs or members.
 */
export const TREE_NEUTRAL: readonly string[] = ['meeting', 'attachment', 'rule_set', 'closed_year', 'report_paragraph'];
export const TREE_CHANGING: readonly string[] = [
  'org', 'member', 'roster', 'committee', 'recruit',
  // Not read by the tree today, but a unit's records: rebuilding after them costs one read, missing a change would cost a wrong tree.
  'user', 'unit_plan', 'party_worker', 'responsibility_item', 'secretary_review', 'brand', 'vanguard_post', 'secretary_project', 'project_milestone',
];

/** One process's tree per database, valid while the audit head stands where it was read (quality/audit-head.ts). */
interface Kept {
  stamp: AuditStamp;
  records: Records;
  /** Pruned views per scope, built on demand from `records`. */
  scoped: Map<string, OrgIndex>;
  /** Derived per-tree data other modules keep alongside (e.g. a serialized tree), dropped with the tree. */
  extras: Map<string, unknown>;
}

const kept = new WeakMap<object, { entry: Kept | null; pending: Promise<Kept> | null }>();

const isDb = (db: Queryable) => 'engine' in db;

/** Whether every audit row after `head` is of a tree-neutral kind. */
async function onlyNeutralSince(db: Queryable, head: number): Promise<boolean> {
  const [r] = await db.select({ n: count() }).from(auditLog)
    .where(and(gt(auditLog.id, head), notInArray(auditLog.entityType, [...TREE_NEUTRAL])));
  return (r?.n ?? 1) === 0;
}

/**
 * The tree as of now, kept per process: one audit-head check per call, the
 * records read again only after a write (in this process or another) that
 * may have changed orgs or members. The stamp is read before the records, so
 * a write landing in between is seen by the next check (rebuilt twice, never
 * missed). A transaction handle is never cached: it reads its own writes.
 */
async function keptTree(db: Queryable): Promise<Kept> {
  if (!isDb(db)) return { stamp: { head: 0, low: 0, seen: 0 }, records: await readRecords(db), scoped: new Map(), extras: new Map() };
  let slot = kept.get(db);
  if (!slot) kept.set(db, (slot = { entry: null, pending: null }));
  const prev = slot.entry;
  const check = await checkAudit(db, prev?.stamp ?? null);
  if (prev && check.same) return prev;
  if (prev && await onlyNeutralSince(db, sinceOf(prev.stamp, check))) {
    const moved: Kept = { ...prev, stamp: check.stamp };
    if (slot.entry === prev) slot.entry = moved;
    return moved;
  }
  // Callers that find the same change at once share one rebuild.
  if (slot.pending) {
    const p = await slot.pending;
    // Taken from a log at least as far on as this check saw it (the same window, on PostgreSQL, with no late row since).
    const a = p.stamp;
    const b = check.stamp;
    if (a.head > b.head || (a.head === b.head && a.low === b.low && a.seen === b.seen)) return p;
  }
  const s = slot;
  // A transaction's own read (above) stays one query: it must see its own writes in one go.
  const pending = readRecordsInSlices(db).then((records) => ({ stamp: check.stamp, records, scoped: new Map(), extras: new Map() }));
  s.pending = pending;
  try {
    const built = await pending;
    if (!s.entry || s.entry.stamp.head <= built.stamp.head) s.entry = built;
    return built;
  } finally {
    if (s.pending === pending) s.pending = null;
  }
}

const scopeKey = (scope?: Scope) => (!scope || scope.all ? 'all' : `${scope.unitId}|${scope.branchId}`);

function scopedIndex(tree: Kept, scope?: Scope): OrgIndex {
  const key = scopeKey(scope);
  let index = tree.scoped.get(key);
  if (!index) {
    index = buildIndex(tree.records, scope);
    // A pruned view of one unit or branch is small: many secretaries' views fit.
    if (tree.scoped.size > 2048) tree.scoped.clear();
    tree.scoped.set(key, index);
  }
  return index;
}

export async function loadOrgIndex(db: Queryable, scope?: Scope): Promise<OrgIndex> {
  return scopedIndex(await keptTree(db), scope);
}

/**
 * Something derived from the scoped tree (e.g. the tree's serialized
 * answer), made once per tree and scope and dropped when the tree is rebuilt.
 */
export async function derivedFromTree<T>(db: Queryable, scope: Scope, name: string, make: (index: OrgIndex) => T): Promise<T> {
  const tree = await keptTree(db);
  const key = `${name}|${scopeKey(scope)}`;
  if (tree.extras.has(key)) return tree.extras.get(key) as T;
  const value = make(scopedIndex(tree, scope));
  if (tree.extras.size > 64) tree.extras.clear();
  tree.extras.set(key, value);
  return value;
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
