import { useQuery } from '@tanstack/react-query';
import type { OrgDetail } from '@wj/domain/schemas';
import { apiGet } from './api-client';
import { useMe } from './auth';
import { canWriteOrg } from './write-access';

/**
 * Whether the signed-in user may change this org's records (see canWriteOrg).
 * Reads the org under the same key and shape as the org page
 * (['orgs','detail',id]), so on that page it comes from the cache.
 */
export function useOrgWriteAccess(orgId: number): boolean {
  const me = useMe();
  const org = useQuery({
    queryKey: ['orgs', 'detail', orgId],
    queryFn: ({ signal }) => apiGet<OrgDetail>(`/orgs/${orgId}`, undefined, signal),
  });
  return org.data ? canWriteOrg(me.data, org.data) : false;
}
