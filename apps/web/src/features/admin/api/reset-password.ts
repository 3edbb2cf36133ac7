import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { adminKeys } from './keys';

export interface PasswordReset {
  password: string;
  version: number;
}

/** Sets a new password; the server ends the user's sessions and clears a login lock. */
export function resetPassword(id: number, body: PasswordReset): Promise<User> {
  return apiRequest<User>(`/users/${id}/password`, { method: 'POST', body });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PasswordReset }) => resetPassword(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
