import { queryOptions, useQuery } from '@tanstack/react-query';
import type { User } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { adminKeys } from './keys';

export function getUsers(signal?: AbortSignal): Promise<User[]> {
  return apiGet<User[]>('/users', undefined, signal);
}

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.userList(),
    queryFn: ({ signal }) => getUsers(signal),
  });

export function useUsers() {
  return useQuery(usersQueryOptions());
}
