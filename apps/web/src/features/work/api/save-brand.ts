import { useMutation } from '@tanstack/react-query';
import type { Brand, BrandInput, BrandUpdate } from '@wj/domain/schemas';
import { apiRequest } from '@/lib/api-client';
import { useRefreshWork } from './keys';

export function createBrand(orgId: number, input: BrandInput): Promise<Brand> {
  return apiRequest<Brand>(`/orgs/${orgId}/brands`, { method: 'POST', body: input });
}

/** `active: false` retires the brand; it stays on the list. */
export function updateBrand(id: number, input: BrandUpdate): Promise<Brand> {
  return apiRequest<Brand>(`/brands/${id}`, { method: 'PUT', body: input });
}

export function useCreateBrand(orgId: number) {
  const refresh = useRefreshWork();
  return useMutation({ mutationFn: (input: BrandInput) => createBrand(orgId, input), onSuccess: refresh });
}

export function useUpdateBrand() {
  const refresh = useRefreshWork();
  return useMutation({ mutationFn: ({ id, input }: { id: number; input: BrandUpdate }) => updateBrand(id, input), onSuccess: refresh });
}
