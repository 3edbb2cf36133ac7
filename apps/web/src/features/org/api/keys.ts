import type { OrgMembersFilters } from './get-org-members';

/** Hierarchical query keys: invalidating ['orgs'] refreshes every org query. */
export const orgKeys = {
  all: ['orgs'] as const,
  tree: () => [...orgKeys.all, 'tree'] as const,
  detail: (id: number) => [...orgKeys.all, 'detail', id] as const,
  members: (id: number, filters: OrgMembersFilters) => [...orgKeys.all, 'members', id, filters] as const,
};
