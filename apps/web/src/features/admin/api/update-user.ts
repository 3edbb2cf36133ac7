import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { User, UserUpdate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { adminKeys } from './keys';

/** Role, scope and 停用/启用; `version` is the one the form was read at (a stale one gets 409). */
export function updateUser(id: number, body: UserUpdate): Promise<User> {
  return apiRequest<User>(`/users/${id}`, { method: 'PUT', body });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UserUpdate }) => updateUser(id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: adminKeys.users });
      void queryClient.invalidateQueries({ queryKey: adminKeys.audit });
    },
  });
}
