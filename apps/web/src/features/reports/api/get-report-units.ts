import { useQuery } from '@tanstack/react-query';
import { orgTreeQueryOptions, type OrgTreeResponse } from '@/lib/org-tree';

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

/** The units on offer in the scope selector: the shared org tree (one cached copy), as the server scopes it. */
export const toReportScopes = ({ root }: OrgTreeResponse): ReportScopes => ({
  rootName: root.name,
  units: root.children.map((u) => ({ id: u.id, name: u.name, label: u.institutionName ?? u.name })),
});

export function useReportScopes() {
  return useQuery({ ...orgTreeQueryOptions(), select: toReportScopes });
}
