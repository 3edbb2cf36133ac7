import type { Scope } from '../../auth/scope.js';
import type { Queryable } from '../../db/index.js';
import { notFound } from '../../lib/errors.js';
import { keptJson, type KeptJson } from '../../lib/kept-json.js';
import { z } from 'zod';
import {
  ORG_TOP_PAGE, OrgChildrenSchema, OrgLevelNodeSchema, OrgTreeTopSchema, orgNameKey, orgSearchNeedle, parseId, type OrgChildren, type OrgChildrenQuery, type OrgLevelNode, type OrgSearch, type OrgSearchQuery,
} from '@wj/domain/schemas';
import { derivedFromTree, loadOrgIndex, type OrgIndex, type OrgRow } from './org-index.js';

/**
 * The org tree by level (issue 11, goal 4): the page opens on the path down
 * to the caller's scope and the scope's children, and asks for a node's
 * children when it is expanded, so what it loads grows with what it shows,
 * not with the commission. Everything is cut from the same kept, scoped tree
 * as the whole tree (org-index.ts), so no answer holds an org the whole tree
 * would not show the caller.
 */

const PATHS_MAX_IDS = 200;

/**
 * GET /api/orgs/tree/paths?ids=1,2,3: at most 200 ids, comma-separated, each
 * in the one spelling every id in the API has (parseId: no leading zero, sign,
 * point or space), so "02526" is refused here as it is everywhere else.
 */
export const OrgPathsQuerySchema = z.object({
  ids: z.string({ error: '请提供组织 id' })
    .refine((s) => s.split(',').length <= PATHS_MAX_IDS, `ids 至多 ${PATHS_MAX_IDS} 个`)
    .refine((s) => s.split(',').every((p) => parseId(p) !== null), 'ids 须为逗号分隔的组织 id，每个都是十进制正整数（不能带前导零、正负号、小数点、空格或其他写法）')
    .transform((s) => s.split(',').map(Number)),
});

/** Each asked org in the caller's view with the path from the root down to it (root first, the org last; no `children`). */
export const OrgPathsSchema = z.object({
  items: z.array(z.object({ id: z.number().int(), path: z.array(OrgLevelNodeSchema) })),
});
export type OrgPaths = z.infer<typeof OrgPathsSchema>;

const EMPTY = { branches: 0, members: 0, inService: 0, retired: 0 };

function node(index: OrgIndex, r: OrgRow): OrgLevelNode {
  return {
    id: r.id, parentId: r.parentId, unitId: r.unitId, kind: r.kind, name: r.name, institutionName: r.institutionName,
    counts: index.counts.get(r.id) ?? EMPTY,
    childCount: index.children.get(r.id)?.length ?? 0,
  };
}

/** Orgs above the scope are context: the caller may not open them, so they always come with their (pruned) children. */
const isContext = (index: OrgIndex, id: number) => index.visible !== undefined && !index.visible.has(id);

/** The top org the caller may open: the root, or the first org inside the scope going down from it. */
function scopeTop(index: OrgIndex): OrgRow | undefined {
  const queue = index.root ? [index.root] : [];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    if (!isContext(index, n.id)) return n;
    queue.push(...(index.children.get(n.id) ?? []));
  }
  return undefined;
}

/**
 * A node and, where `open(id)` says so, its children (the first `most` of
 * those shown), recursively; a child not opened is sent without `children`
 * (loaded on expand).
 */
function withChildren(
  index: OrgIndex, r: OrgRow, open: (id: number) => boolean, show: (parent: number, child: OrgRow) => boolean, most = Infinity,
): OrgLevelNode {
  const out = node(index, r);
  if (open(r.id)) {
    out.children = (index.children.get(r.id) ?? []).filter((c) => show(r.id, c)).slice(0, most)
      .map((c) => withChildren(index, c, open, show, most));
  }
  return out;
}

/**
 * The opening view: the path down to the scope and the scope's first
 * ORG_TOP_PAGE children; the rest are asked for a page at a time (a
 * province's committee has 1,200 units: all of them made the answer grow
 * with the commission, not with what the page shows).
 */
function topOf(index: OrgIndex) {
  const top = index.root && scopeTop(index);
  if (!index.root || !top) return null;
  const root = withChildren(index, index.root, (id) => id === top.id || isContext(index, id), () => true, ORG_TOP_PAGE);
  return { root, scopeId: top.id };
}

/** What the org page opens on, serialized once per tree version and scope (kept-json.ts). */
export async function orgTreeTopBody(db: Queryable, scope: Scope): Promise<KeptJson> {
  const body = await derivedFromTree(db, scope, 'tree-top', (index): KeptJson | null => {
    const top = topOf(index);
    return top ? keptJson(OrgTreeTopSchema, top) : null;
  });
  if (!body) throw notFound('组织架构为空，请先导入组织数据');
  return body;
}

/**
 * The children of an org in the caller's view (the route has checked the org
 * is in scope): all of them, or `limit` from `offset` (the tree's 显示更多).
 */
export async function orgChildren(db: Queryable, id: number, scope: Scope, page: OrgChildrenQuery = {}): Promise<OrgChildren> {
  const index = await loadOrgIndex(db, scope);
  if (!index.byId.has(id)) throw notFound(`组织（id=${id}）不存在`);
  const all = index.children.get(id) ?? [];
  const from = page.offset ?? 0;
  const rows = from === 0 && page.limit === undefined ? all : all.slice(from, page.limit === undefined ? undefined : from + page.limit);
  return { items: rows.map((c) => node(index, c)), total: all.length };
}

/**
 * All the root's children, kept like the opening view (serialized and gzipped
 * once per tree version and scope): what a picker's first level loads for
 * admin and viewer once the root has more units than one page. Only the root
 * is kept — one entry per scope — so expanding units never crowds the kept
 * tree answers out; null for any other org (answered per request).
 */
export async function keptRootChildren(db: Queryable, id: number, scope: Scope): Promise<KeptJson | null> {
  const kept = await derivedFromTree(db, scope, 'root-children', (index) => {
    if (!index.root) return null;
    const rows = index.children.get(index.root.id) ?? [];
    return { rootId: index.root.id, body: keptJson(OrgChildrenSchema, { items: rows.map((c) => node(index, c)), total: rows.length }) };
  });
  return kept && kept.rootId === id ? kept.body : null;
}

/** The scoped tree in tree order with each name lower-cased, made once per tree version and scope (a search then only compares). */
function searchOrder(index: OrgIndex) {
  const rows: OrgRow[] = [];
  const stack = index.root ? [index.root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    rows.push(n);
    const children = index.children.get(n.id) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { index, rows, names: rows.map((r) => orgNameKey(r.name)) };
}

/**
 * Orgs whose name contains `q` (case-insensitive), the first `limit` in tree
 * order, with the path down to each. As the page's filter did on the whole
 * tree: a matched org shows all its children (a matched 党委 still shows its
 * branches, loaded further on expand), any other only those that lead to a
 * match; the path above the scope is always sent whole. With `level=unit`
 * only the unit-level orgs match (the report's scope picker: a province's
 * branches would use up `limit` before the units past them were reached),
 * and a matched unit comes without its children — the picker offers units.
 */
export async function searchOrgs(db: Queryable, scope: Scope, q: string, limit: number, level?: OrgSearchQuery['level']): Promise<OrgSearch> {
  const { index, rows, names } = await derivedFromTree(db, scope, 'search-order', searchOrder);
  const needle = orgSearchNeedle(q);
  const units = level === 'unit';
  const matchIds: number[] = [];
  let matchCount = 0;
  for (let i = 0; i < rows.length; i++) {
    if (units && rows[i]!.unitId !== rows[i]!.id) continue;
    if (!names[i]!.includes(needle)) continue;
    matchCount += 1;
    if (matchIds.length < limit) matchIds.push(rows[i]!.id);
  }
  if (!index.root || matchIds.length === 0) return { root: null, matchIds, matchCount, truncated: matchCount > matchIds.length };

  const matched = new Set(matchIds);
  const onPath = new Set<number>();
  for (const id of matchIds) {
    for (let p = index.byId.get(id)?.parentId ?? null; p !== null && !onPath.has(p); p = index.byId.get(p)?.parentId ?? null) onPath.add(p);
  }
  const root = withChildren(
    index, index.root,
    (id) => (!units && matched.has(id)) || onPath.has(id) || isContext(index, id),
    (parent, child) => (!units && matched.has(parent)) || isContext(index, parent) || matched.has(child.id) || onPath.has(child.id),
  );
  return { root, matchIds, matchCount, truncated: matchCount > matchIds.length };
}

/**
 * The path from the root down to each of `ids` in the caller's view (a
 * picker opened on a saved value names it and opens the levels above it; the
 * audit log names the orgs on its page). An id the caller's tree does not
 * hold — another unit's, or none at all — is left out, so the answer never
 * names an org the whole tree would not show the caller.
 */
export async function orgPaths(db: Queryable, scope: Scope, ids: number[]): Promise<OrgPaths> {
  const index = await loadOrgIndex(db, scope);
  const items: OrgPaths['items'] = [];
  for (const id of new Set(ids)) {
    const path: OrgLevelNode[] = [];
    for (let r = index.byId.get(id); r; r = r.parentId === null ? undefined : index.byId.get(r.parentId)) path.unshift(node(index, r));
    if (path.length > 0) items.push({ id, path });
  }
  return { items };
}
