import type { QueryClient } from '@tanstack/react-query';
import type { MemberDetail } from '@wj/domain/schemas';
import { memberKeys } from './get-member';

/**
 * A member write changes more than the member: rosters and counts (['orgs',…])
 * and the branch's scores (['quality',…]) read the roll, so refresh them by prefix.
 */
export function refreshAfterMemberWrite(queryClient: QueryClient, saved?: MemberDetail) {
  if (saved) queryClient.setQueryData(memberKeys.detail(saved.id), saved);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['orgs'] }),
    queryClient.invalidateQueries({ queryKey: ['quality'] }),
    queryClient.invalidateQueries({ queryKey: memberKeys.all }),
  ]);
}
