import { useQuery } from '@tanstack/react-query';
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
 * org page), whose root always comes with its units — all of them for admin
 * and viewer, the path down to their own for a secretary.
 */
export const toReportScopes = ({ root }: OrgTreeTop): ReportScopes => ({
  rootName: root.name,
  units: (root.children ?? []).map((u) => ({ id: u.id, name: u.name, label: u.institutionName ?? u.name })),
});

export function useReportScopes() {
  return useQuery({ ...orgTreeTopQueryOptions(), select: toReportScopes });
}
