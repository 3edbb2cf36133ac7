import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { ORG_TOP_PAGE, type OrgChildren, type OrgLevelNode } from '@wj/domain/schemas';
import { orgChildrenPageQuery, orgPathQuery } from '@/lib/org-tree-levels';
import { orgTreeTopQueryOptions, type OrgTreeTop } from '@/lib/org-tree-top';

export interface ReportUnit {
  id: number;
  /** 中共市人民医院委员会 */
  name: string;
  /** 市人民医院 */
  label: string;
}

export const toReportUnit = (u: OrgLevelNode): ReportUnit => ({ id: u.id, name: u.name, label: u.institutionName ?? u.name });

export interface ReportScopes {
  /** 市卫生健康委直属机关党委 */
  rootName: string;
  /** The unit-level organisations loaded so far, in tree order (the server prunes the tree to the user's scope). */
  units: ReportUnit[];
  /** Units in the user's view not loaded yet; 0 once all are (the picker then filters what it holds, with no request). */
  remaining: number;
  /** The chosen unit, also when it is not among the loaded ones (named by the path down to it). */
  selected: ReportUnit | undefined;
}

/** The next pages' offsets: the top level sent the first `sent` units, each page after it holds ORG_TOP_PAGE more. */
export const pageOffsets = (sent: number, pages: number): number[] => Array.from({ length: pages }, (_, i) => sent + i * ORG_TOP_PAGE);

/**
 * The units on offer: the top level's (GET /api/orgs/tree/top, as the server
 * scopes it; for admin and viewer the first ORG_TOP_PAGE of the root's units,
 * for a secretary the path down to their own), then each next page loaded, in
 * order up to the first one still missing. `total` is the latest count the
 * server gave (a page's, else the root's childCount).
 */
export function loadedUnits({ root }: OrgTreeTop, pages: readonly (OrgChildren | undefined)[]): { units: ReportUnit[]; remaining: number } {
  const seen = new Set<number>();
  const units: ReportUnit[] = [];
  let total = root.childCount;
  const add = (nodes: readonly OrgLevelNode[]) => {
    for (const n of nodes) if (!seen.has(n.id)) { seen.add(n.id); units.push(toReportUnit(n)); }
  };
  add(root.children ?? []);
  for (const page of pages) {
    if (!page) break;
    add(page.items);
    total = page.total;
  }
  return { units, remaining: Math.max(0, total - units.length) };
}

/** The chosen unit among the loaded ones, else from the path down to it (root first) when that path ends at a unit-level org. */
export function selectedUnit(units: readonly ReportUnit[], unitId: number | null, path: readonly OrgLevelNode[] | undefined): ReportUnit | undefined {
  if (unitId === null) return undefined;
  const loaded = units.find((u) => u.id === unitId);
  if (loaded) return loaded;
  const last = path?.at(-1);
  return last && last.id === unitId && last.unitId === last.id ? toReportUnit(last) : undefined;
}

export function reportScopesOf(top: OrgTreeTop, pages: readonly (OrgChildren | undefined)[], unitId: number | null, path?: readonly OrgLevelNode[]): ReportScopes {
  const { units, remaining } = loadedUnits(top, pages);
  return { rootName: top.root.name, units, remaining, selected: selectedUnit(units, unitId, path) };
}

/** The next page's state: none asked for (or all loaded), being loaded, or failed. */
export type NextPage = 'idle' | 'loading' | 'error';

/**
 * The scope selector's units, as many as it shows: the page renders from the
 * top level alone (one cached copy with the org page), and 显示更多 loads the
 * next ORG_TOP_PAGE of the root's units (GET /api/orgs/:id/children?offset=&limit=)
 * — a province's 1,200 units are never loaded at once. A chosen unit not
 * among the loaded ones (`?unit=`) is named through its path
 * (GET /api/orgs/tree/paths).
 */
export function useReportScopes(unitId: number | null) {
  const top = useQuery(orgTreeTopQueryOptions());
  const root = top.data?.root;
  const [asked, setAsked] = useState(0);
  const pages = useQueries({
    queries: root ? pageOffsets(root.children?.length ?? 0, asked).map((offset) => orgChildrenPageQuery(root.id, offset, ORG_TOP_PAGE)) : [],
  });
  const loaded = top.data ? loadedUnits(top.data, pages.map((p) => p.data)) : undefined;
  const needsPath = loaded !== undefined && unitId !== null && !loaded.units.some((u) => u.id === unitId);
  const path = useQuery({ ...orgPathQuery(unitId ?? 0), enabled: needsPath });

  // The first page without data is the one in flight (or failed); the pages after it wait for it.
  const waiting = pages.find((p) => !p.data);
  const next: NextPage = !waiting ? 'idle' : waiting.isError ? 'error' : 'loading';
  const more = () => {
    if (waiting?.isError) void waiting.refetch();
    // One page at a time: a second click before the render that shows the first one asks nothing more.
    else if (!waiting && (loaded?.remaining ?? 0) > 0) setAsked((n) => (n === asked ? n + 1 : n));
  };
  const refetch = async () => { await top.refetch(); if (needsPath) await path.refetch(); };

  const error = top.error ?? (needsPath ? path.error : null);
  const base = { next, more, refetch } as const;
  if (error) return { ...base, isPending: false, isError: true, error, data: undefined } as const;
  if (!top.data || (needsPath && path.isPending)) return { ...base, isPending: true, isError: false, error: null, data: undefined } as const;
  return { ...base, isPending: false, isError: false, error: null, data: reportScopesOf(top.data, pages.map((p) => p.data), unitId, path.data) } as const;
}
