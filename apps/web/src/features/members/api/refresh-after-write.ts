import type { QueryClient } from '@tanstack/react-query';
import type { MemberDetail } from '@wj/domain/schemas';
import { memberKeys, memberWriteRefreshes } from './keys';

/** After a member write: the saved record goes into the cache, and what reads the roll is refreshed by prefix. */
export function refreshAfterMemberWrite(queryClient: QueryClient, saved?: MemberDetail) {
  if (saved) queryClient.setQueryData(memberKeys.detail(saved.id), saved);
  return Promise.all(memberWriteRefreshes.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
