import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { reportKeys } from './keys';

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

/** The units on offer in the scope selector, from the org tree as the server scopes it. */
export function getReportScopes(signal?: AbortSignal): Promise<ReportScopes> {
  return apiGet<{ root: OrgTreeNode }>('/orgs/tree', undefined, signal).then(({ root }) => ({
    rootName: root.name,
    units: root.children.map((u) => ({ id: u.id, name: u.name, label: u.institutionName ?? u.name })),
  }));
}

export const reportScopesQueryOptions = () =>
  queryOptions({ queryKey: reportKeys.units(), queryFn: ({ signal }) => getReportScopes(signal) });

export function useReportScopes() {
  return useQuery(reportScopesQueryOptions());
}
