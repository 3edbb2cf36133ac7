import { queryOptions } from '@tanstack/react-query';
import { orgChildrenQuery } from '@/lib/org-tree-levels';

export { getOrgChildren } from '@/lib/org-tree-levels';

/** One org's children in the user's view, asked for when its tree node is expanded (one cache entry with the pickers'). */
export const orgChildrenQueryOptions = (id: number) =>
  queryOptions({ ...orgChildrenQuery(id), select: (d) => d.items });
