import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { adminKeys } from './keys';

export function createUser(body: UserCreate): Promise<User> {
  return apiRequest<User>('/users', { method: 'POST', body });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
