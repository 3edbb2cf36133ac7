import { useEffect, useMemo, useReducer, useState } from 'react';
import { keepPreviousData, queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { ORG_TOP_PAGE, orgNameMatches, type OrgChildren, type OrgLevelNode, type OrgSearch } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { levelPath, orgTreeTopQueryOptions } from './org-tree-top';
import { orgKeys } from './query-keys';

/**
 * The org pickers on the tree by level (issue 11, goal 4): a picker opens on
 * the top level (GET /api/orgs/tree/top), loads a unit's children when it is
 * opened (GET /api/orgs/:id/children, one cache entry shared with the org
 * page), searches by name on the server as the user types
 * (GET /api/orgs/tree/search), and names a saved value through the path down
 * to it (GET /api/orgs/tree/paths). What it loads grows with what it shows,
 * not with the commission.
 */

export function getOrgChildren(id: number, signal?: AbortSignal): Promise<OrgChildren> {
  return apiGet<OrgChildren>(`/orgs/${id}/children`, undefined, signal);
}

/** One org's children (the same cache entry the org page's tree reads). */
export const orgChildrenQuery = (id: number) =>
  queryOptions({ queryKey: orgKeys.children(id), queryFn: ({ signal }) => getOrgChildren(id, signal) });

/** `limit` of an org's children from `offset` (the tree's 显示更多), under the org's own children key so a write refreshes it with them. */
export const orgChildrenPageQuery = (id: number, offset: number, limit = ORG_TOP_PAGE) =>
  queryOptions({
    queryKey: orgKeys.childrenPage(id, offset, limit),
    queryFn: ({ signal }) => apiGet<OrgChildren>(`/orgs/${id}/children`, { offset, limit }, signal),
  });

export interface OrgPaths {
  items: { id: number; path: OrgLevelNode[] }[];
}

export function getOrgPaths(ids: number[], signal?: AbortSignal): Promise<OrgPaths> {
  return apiGet<OrgPaths>('/orgs/tree/paths', { ids: ids.join(',') }, signal);
}

// Under ['orgs'], so a write that refreshes the tree refreshes these too. (They belong with orgKeys in query-keys.ts.)
const pathKey = (id: number) => [...orgKeys.all, 'path', id] as const;
const namesKey = (ids: number[]) => [...orgKeys.all, 'names', ids] as const;

/** The path from the root down to one org, both included; empty when the caller may not see it. */
export const orgPathQuery = (id: number) =>
  queryOptions({ queryKey: pathKey(id), queryFn: async ({ signal }) => (await getOrgPaths([id], signal)).items[0]?.path ?? [] });

/** Most ids one request names (the API's own limit). */
const NAMES_LIMIT = 200;

/** id → name of the given orgs the caller may see (the audit page names the orgs on its page, not the whole tree). */
export function useOrgNames(ids: number[]) {
  const asked = [...new Set(ids)].sort((a, b) => a - b).slice(0, NAMES_LIMIT);
  return useQuery({
    queryKey: namesKey(asked),
    queryFn: async ({ signal }) => new Map((await getOrgPaths(asked, signal)).items.map((i) => [i.id, i.path.at(-1)!.name])),
    enabled: asked.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** A node's children as known: `complete` when they are all of them (sent or loaded), else only those on the path to a saved value. */
export type ChildrenOf = (id: number) => { nodes: OrgLevelNode[]; complete: boolean } | undefined;

/**
 * Index of an answer's tree. A search's nodes are what it shows of them (`complete`); the top level's are
 * complete unless paged: a node sent with fewer `children` than its `childCount` has more to load.
 */
export function sentChildren(root: OrgLevelNode | null | undefined, paged: boolean): Map<number, { nodes: OrgLevelNode[]; complete: boolean }> {
  const out = new Map<number, { nodes: OrgLevelNode[]; complete: boolean }>();
  const stack = root ? [root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.children) {
      out.set(n.id, { nodes: n.children, complete: !paged || n.children.length >= n.childCount });
      stack.push(...n.children);
    }
  }
  return out;
}

/** Re-renders when a children list or a path lands in the cache, whoever asked for it. */
function useLevelCacheVersion(qc: QueryClient): number {
  const [version, bump] = useReducer((v: number) => v + 1, 0);
  useEffect(() => qc.getQueryCache().subscribe((e) => {
    const key = e.query.queryKey;
    if (e.type === 'updated' && key[0] === orgKeys.all[0] && (key[1] === 'children' || key[1] === 'path')) bump();
  }), [qc]);
  return version;
}

export interface OrgLevels {
  root: OrgLevelNode | undefined;
  /** The top org the caller may open. */
  scopeId: number | undefined;
  childrenOf: ChildrenOf;
  /** Loads an org's children (a TreeSelect's `loadData`). */
  load: (id: number) => Promise<void>;
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
}

/**
 * The tree by level as far as it is loaded, with the path down to each of
 * `keep` (the saved values a picker must name) asked for when the loaded
 * levels do not hold it.
 */
export function useOrgLevels(keep: readonly (number | null | undefined)[] = []): OrgLevels {
  const qc = useQueryClient();
  const top = useQuery(orgTreeTopQueryOptions());
  const version = useLevelCacheVersion(qc);
  const sent = useMemo(() => sentChildren(top.data?.root, true), [top.data]);
  // A picker's first level is the root's units for admin and viewer: past the opening view's page of them, all are loaded.
  const root = top.data?.root;
  const rootRest = useQuery({
    ...orgChildrenQuery(root?.id ?? 0),
    enabled: root !== undefined && top.data?.scopeId === root.id && sent.get(root.id)?.complete === false,
  });

  const childrenOf = useMemo<ChildrenOf>(() => {
    void version;
    const partial = new Map<number, Map<number, OrgLevelNode>>();
    for (const [, path] of qc.getQueriesData<OrgLevelNode[]>({ queryKey: pathKey(0).slice(0, 2) })) {
      path?.forEach((n, i) => {
        const next = path[i + 1];
        if (next) partial.set(n.id, (partial.get(n.id) ?? new Map()).set(next.id, next));
      });
    }
    return (id) => {
      const loaded = qc.getQueryData<OrgChildren>(orgKeys.children(id))?.items;
      if (loaded) return { nodes: loaded, complete: true };
      const fromTop = sent.get(id);
      if (fromTop) return fromTop;
      const onPath = partial.get(id);
      return onPath ? { nodes: [...onPath.values()], complete: false } : undefined;
    };
  }, [qc, sent, version]);

  const known = useMemo(() => {
    const ids = new Set<number>();
    const stack = top.data ? [top.data.root] : [];
    while (stack.length) {
      const n = stack.pop()!;
      ids.add(n.id);
      stack.push(...(childrenOf(n.id)?.nodes ?? []));
    }
    return ids;
  }, [top.data, childrenOf]);
  const missing = top.data ? keep.filter((id): id is number => id != null && !known.has(id)) : [];
  const paths = useQueries({ queries: missing.map((id) => orgPathQuery(id)) });

  return {
    root: top.data?.root,
    scopeId: top.data?.scopeId,
    childrenOf,
    load: async (id) => void (await qc.ensureQueryData(orgChildrenQuery(id))),
    isPending: top.isPending || (rootRest.isEnabled && rootRest.isPending) || paths.some((p) => p.isPending),
    error: top.error ?? rootRest.error ?? paths.find((p) => p.error)?.error ?? null,
    refetch: () => void top.refetch(),
  };
}

/** The orgs a picker starts from: the units under the root for admin and viewer, else the caller's own unit or branch. */
export function scopeLevel(levels: Pick<OrgLevels, 'root' | 'scopeId' | 'childrenOf'>): OrgLevelNode[] | undefined {
  const { root, scopeId } = levels;
  if (!root || scopeId === undefined) return undefined;
  if (scopeId === root.id) return levels.childrenOf(root.id)?.nodes ?? [];
  const scope = levelPath(root, scopeId).at(-1);
  return scope ? [scope] : [];
}

/** A TreeSelect node built from the levels (`label` shows in the closed picker). */
export interface LevelOption {
  value: number;
  /** The org's own name (`title` may add to it). */
  name: string;
  title: string;
  label: string;
  selectable: boolean;
  isLeaf: boolean;
  children: LevelOption[];
  /** All its children are in `children` (the picker's `treeLoadedKeys`). */
  loaded: boolean;
}

/** What a picker offers of each node, given the path above it (the first level's node first). */
export interface PickerRules {
  /** Whether the node is offered at all (e.g. not a 党小组, not a unit without branches). */
  show: (node: OrgLevelNode, above: readonly OrgLevelNode[]) => boolean;
  selectable: (node: OrgLevelNode) => boolean;
  /** Never opened, whatever is below it (a 党支部 whose 党小组 are not offered). */
  leaf?: (node: OrgLevelNode) => boolean;
  title?: (node: OrgLevelNode) => string;
  label?: (node: OrgLevelNode, above: readonly OrgLevelNode[]) => string;
}

/** The picker's tree from its first level down as far as the levels are known. */
export function levelOptions(first: readonly OrgLevelNode[], childrenOf: ChildrenOf, rules: PickerRules): LevelOption[] {
  const build = (node: OrgLevelNode, above: readonly OrgLevelNode[]): LevelOption | null => {
    if (!rules.show(node, above)) return null;
    const leaf = node.childCount === 0 || (rules.leaf?.(node) ?? false);
    const known = leaf ? undefined : childrenOf(node.id);
    const path = [...above, node];
    const children = (known?.nodes ?? []).map((c) => build(c, path)).filter((c): c is LevelOption => c !== null);
    const selectable = rules.selectable(node);
    const complete = leaf || (known?.complete ?? false);
    // Everything below is known and none of it is offered: a group with nothing to pick.
    if (complete && !leaf && children.length === 0 && !selectable) return null;
    return {
      value: node.id,
      name: node.name,
      title: rules.title?.(node) ?? node.name,
      label: rules.label?.(node, above) ?? node.name,
      selectable,
      isLeaf: leaf || (complete && children.length === 0),
      children,
      loaded: complete,
    };
  };
  return first.map((n) => build(n, [])).filter((c): c is LevelOption => c !== null);
}

/** Every node's value whose children are all loaded (TreeSelect's `treeLoadedKeys`). */
export function loadedKeys(options: readonly LevelOption[]): number[] {
  return options.flatMap((o) => [...(o.loaded ? [o.value] : []), ...loadedKeys(o.children)]);
}

/** The node with `value` among the options, if they hold it. */
export function findOption(options: readonly LevelOption[], value: number): LevelOption | undefined {
  for (const o of options) {
    if (o.value === value) return o;
    const below = findOption(o.children, value);
    if (below) return below;
  }
  return undefined;
}

/**
 * Search as you type, on the server: while the user types, the picker shows
 * the search's answer (the matches and the path down to each, at most 50)
 * instead of the levels loaded so far; picking a match keeps the path down to
 * it, so the picker still names it once the search is cleared.
 */
export function usePickerSearch() {
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const needle = q.trim();
  const found = useQuery({
    queryKey: orgKeys.search(needle),
    queryFn: ({ signal }) => apiGet<OrgSearch>('/orgs/tree/search', { q: needle, limit: 50 }, signal),
    enabled: needle.length > 0,
    placeholderData: keepPreviousData,
  });
  const answer = needle ? found.data : undefined;
  const sent = useMemo(() => sentChildren(answer?.root, false), [answer]);
  const childrenOf = useMemo<ChildrenOf>(() => (id) => sent.get(id), [sent]);
  return {
    q,
    setQ,
    /** The answer's tree while searching, else undefined. */
    result: answer?.root ? { root: answer.root, childrenOf } : undefined,
    searching: needle.length > 0,
    /** The server answered this very search with no match (not the previous search's answer kept meanwhile). */
    noMatch: needle.length > 0 && !found.isPlaceholderData && found.data?.root === null,
    isFetching: found.isFetching,
    /** Keeps the path down to a picked match (the levels then name it). */
    keepPath: (id: number) => {
      const path = answer?.root ? levelPath(answer.root, id).map(({ children: _, ...n }) => n) : [];
      if (path.length > 0) qc.setQueryData(pathKey(id), path);
    },
  };
}

interface LevelTreeSelectArgs {
  /** The saved value the picker must name (a prefilled form), if any. */
  value?: number | null;
  rules: PickerRules;
  /** The first level from the levels (default: the caller's scope, see scopeLevel). */
  first?: (levels: Pick<OrgLevels, 'root' | 'scopeId' | 'childrenOf'>) => OrgLevelNode[] | undefined;
  enabled?: boolean;
}

/**
 * A TreeSelect over the tree by level: its `treeData` (the levels loaded so
 * far, or the server's search answer while the user types), `loadData` and
 * `treeLoadedKeys` for opening a unit, and `showSearch` wired to the server's
 * search. Spread `props` onto the TreeSelect; `options` is what it shows.
 */
export function useLevelTreeSelect({ value, rules, first = scopeLevel }: LevelTreeSelectArgs) {
  const levels = useOrgLevels([value]);
  const search = usePickerSearch();
  const lazy = useMemo(() => {
    const start = first(levels);
    return start ? levelOptions(start, levels.childrenOf, rules) : undefined;
  }, [levels.root, levels.scopeId, levels.childrenOf, rules]);
  const found = useMemo(() => {
    if (!search.result) return undefined;
    const start = first({ root: search.result.root, scopeId: levels.scopeId, childrenOf: search.result.childrenOf });
    return start ? levelOptions(start, search.result.childrenOf, rules).map(searchLeaves) : undefined;
  }, [search.result, levels.scopeId, rules]);
  const treeData = search.noMatch ? [] : (search.searching && found) || lazy || [];
  // antd opens the search's nodes when the typed value changes, before the server's answer lands: the answer's nodes are opened here when it does.
  const [toggled, setToggled] = useState<{ of: LevelOption[]; keys: number[] }>();
  const searchOpen = useMemo(() => (found ? openKeys(found) : []), [found]);
  const showingFound = search.searching && !search.noMatch && found !== undefined;

  return {
    levels,
    options: lazy,
    search,
    props: {
      treeData,
      loadData: search.searching ? undefined : (node: { value?: unknown }) => levels.load(Number(node.value)),
      treeLoadedKeys: search.searching ? undefined : loadedKeys(treeData),
      showSearch: {
        searchValue: search.q,
        onSearch: search.setQ,
        // The answer is the server's already; this only narrows what is shown until it lands, on the same terms (trimmed, any case).
        filterTreeNode: matchesTitle,
      },
      onSelect: (picked: number | undefined) => {
        if (search.searching && picked !== undefined) search.keepPath(picked);
      },
      treeExpandedKeys: showingFound ? (toggled?.of === found ? toggled.keys : searchOpen) : undefined,
      onTreeExpand: (keys: React.Key[]) => {
        if (showingFound && found) setToggled({ of: found, keys: keys.map(Number) });
      },
      loading: levels.isPending || (search.searching && search.isFetching),
    },
  };
}

/** A node's title holds what was typed, as the server searches names: the search trimmed, any case (a trailing space still finds 内科). */
export function matchesTitle(typed: string, node: { title?: unknown }): boolean {
  return orgNameMatches(String(node.title ?? ''), typed);
}

/** The values of the nodes that have children to show. */
function openKeys(options: readonly LevelOption[]): number[] {
  return options.flatMap((o) => (o.children.length > 0 ? [o.value, ...openKeys(o.children)] : []));
}

/** While searching nothing is loaded on expand: a node the answer holds nothing below is a leaf. */
function searchLeaves(o: LevelOption): LevelOption {
  const children = o.children.map(searchLeaves);
  return { ...o, children, isLeaf: children.length === 0, loaded: true };
}
