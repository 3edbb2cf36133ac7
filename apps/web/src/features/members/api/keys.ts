import { qualityKeys } from '@/lib/quality-keys';
import { memberKeys, orgKeys } from '@/lib/query-keys';

/** A member's record is a shared resource (the roster import refreshes it too): its keys are in src/lib/query-keys.ts. */
export { memberKeys };

/**
 * A member write changes more than the member: rosters and counts (['orgs',…])
 * and the branch's scores (['quality',…]) read the roll, so they are refreshed by prefix.
 */
export const memberWriteRefreshes = [orgKeys.all, qualityKeys.all, memberKeys.all] as const;
