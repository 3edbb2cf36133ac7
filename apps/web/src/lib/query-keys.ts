import type { MemberListQuery } from '@wj/domain/schemas';

/**
 * Keys of the resources several features read (TanStack Query's hierarchical
 * keys: a write invalidates by prefix). A feature's own keys live in its
 * `api/keys.ts`; these are shared because the same org, roster or file list
 * is read by more than one feature and must be one cached copy. Scores are
 * in quality-keys.ts.
 */

/** The list query the API accepts for an org's members; every field but paging is optional. */
export type OrgMembersFilters = Partial<MemberListQuery> & Pick<MemberListQuery, 'page' | 'pageSize'>;

/** Invalidating ['orgs'] refreshes the tree, every org page and its counts and rosters. */
export const orgKeys = {
  all: ['orgs'] as const,
  tree: () => [...orgKeys.all, 'tree'] as const,
  /** The tree by level: the opening view, one org's children, a search by name. */
  treeTop: () => [...orgKeys.all, 'tree-top'] as const,
  children: (id: number) => [...orgKeys.all, 'children', id] as const,
  /** A page of them (显示更多), under the org's children key: refreshed with them. */
  childrenPage: (id: number, offset: number, limit: number) => [...orgKeys.children(id), 'page', offset, limit] as const,
  search: (q: string) => [...orgKeys.all, 'search', q] as const,
  /** A search among the unit-level orgs only (the report's scope picker), refreshed with the search. */
  unitSearch: (q: string) => [...orgKeys.search(q), 'units'] as const,
  detail: (id: number) => [...orgKeys.all, 'detail', id] as const,
  members: (id: number, filters: OrgMembersFilters) => [...orgKeys.all, 'members', id, filters] as const,
};

/** One member's record (the roster itself is under orgKeys.members). */
export const memberKeys = {
  all: ['members'] as const,
  detail: (id: number) => [...memberKeys.all, 'detail', id] as const,
};

/** The files of a record, by its attachments route (e.g. /milestones/3/attachments). */
export const attachmentKeys = {
  all: ['attachments'] as const,
  list: (path: string) => [...attachmentKeys.all, path] as const,
};

/** Who is signed in (changes only through login and logout). */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
};
