import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { authKeys } from '@/lib/query-keys';

export const login = (body: LoginBody) => apiRequest<{ user: Me }>('/auth/login', { method: 'POST', body });
export const logout = () => apiRequest<void>('/auth/logout', { method: 'POST' });

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: ({ user }) => {
      // A new user may see different data: drop everything cached for the previous one.
      qc.clear();
      qc.setQueryData(authKeys.me(), user);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => qc.clear(),
  });
}
