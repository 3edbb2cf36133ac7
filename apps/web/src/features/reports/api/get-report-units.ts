import { useQuery } from '@tanstack/react-query';
import type { OrgLevelNode } from '@wj/domain/schemas';
import { orgChildrenQuery } from '@/lib/org-tree-levels';
import { orgTreeTopQueryOptions, type OrgTreeTop } from '@/lib/org-tree-top';

export interface ReportUnit {
  id: number;
  /** 中共市人民医院委员会 */
  name: string;
  /** 市人民医院 */
  label: string;
}

export interface ReportScopes {
  /** 市卫生健康委直属机关党委 */
  rootName: string;
  /** The unit-level organisations the user may report on (the server prunes the tree to the user's scope). */
  units: ReportUnit[];
}

/**
 * The units on offer in the scope selector: the top level of the tree
 * (GET /api/orgs/tree/top, as the server scopes it; one cached copy with the
 * org page), whose root always comes with its units — for admin and viewer
 * the first page of them (all of them while they fit one), for a secretary
 * the path down to their own. `units` replaces the sent ones when the rest
 * were loaded.
 */
export const toReportScopes = ({ root }: OrgTreeTop, units: readonly OrgLevelNode[] = root.children ?? []): ReportScopes => ({
  rootName: root.name,
  units: units.map((u) => ({ id: u.id, name: u.name, label: u.institutionName ?? u.name })),
});

/** Past the opening view's page of units, the selector offers them all: the root's children are loaded whole (one cache entry with the pickers'). */
export function useReportScopes() {
  const top = useQuery(orgTreeTopQueryOptions());
  const root = top.data?.root;
  const more = root !== undefined && (root.children?.length ?? 0) < root.childCount;
  const rest = useQuery({ ...orgChildrenQuery(root?.id ?? 0), enabled: more });
  const refetch = async () => { await top.refetch(); if (more) await rest.refetch(); };
  const error = top.error ?? (more ? rest.error : null);
  if (error) return { isPending: false, isError: true, error, data: undefined, refetch } as const;
  if (!top.data || (more && !rest.data)) return { isPending: true, isError: false, error: null, data: undefined, refetch } as const;
  return { isPending: false, isError: false, error: null, data: toReportScopes(top.data, more ? rest.data?.items : undefined), refetch } as const;
}
