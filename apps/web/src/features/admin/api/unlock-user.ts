import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { adminKeys } from './keys';

/** 解除登录限制: every address blocked for too many wrong passwords may try this user again. */
export function unlockUser(id: number): Promise<User> {
  return apiRequest<User>(`/users/${id}/unlock`, { method: 'POST' });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => unlockUser(id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
