import { useMe } from './auth';
import { useOrg } from './org-queries';
import { canWriteOrg } from './write-access';

/**
 * Whether the signed-in user may change this org's records (see canWriteOrg).
 * Reads the org with the shared org query, so on the org page it comes from the cache.
 */
export function useOrgWriteAccess(orgId: number): boolean {
  const me = useMe();
  const org = useOrg(orgId);
  return org.data ? canWriteOrg(me.data, org.data) : false;
}
