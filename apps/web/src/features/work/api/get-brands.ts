import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Brand } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { workKeys } from './keys';

/** The branch's brands, retired ones included (a brand is never deleted). */
export function getBrands(orgId: number, signal?: AbortSignal): Promise<Brand[]> {
  return apiGet<Brand[]>(`/orgs/${orgId}/brands`, undefined, signal);
}

export const brandsQueryOptions = (orgId: number) =>
  queryOptions({ queryKey: workKeys.brands(orgId), queryFn: ({ signal }) => getBrands(orgId, signal) });

export function useBrands(orgId: number) {
  return useQuery(brandsQueryOptions(orgId));
}
