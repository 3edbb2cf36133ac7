import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecretaryReview, SecretaryReviewInput } from '@wj/domain/schemas';
import { apiGet, apiRequest } from '@/lib/api-client';
import { refreshUnitRecords, unitKeys } from './keys';

/** 书记抓党建述职评议 grades of every year, newest first. */
export function getReviews(unitId: number, signal?: AbortSignal): Promise<SecretaryReview[]> {
  return apiGet<SecretaryReview[]>(`/units/${unitId}/reviews`, undefined, signal);
}

export const reviewsQueryOptions = (unitId: number) =>
  queryOptions({ queryKey: unitKeys.reviews(unitId), queryFn: ({ signal }) => getReviews(unitId, signal) });

export function useReviews(unitId: number) {
  return useQuery(reviewsQueryOptions(unitId));
}

/** The commission's grade for one year (admin only); an existing grade needs the version read. */
export function saveReview(unitId: number, year: number, body: SecretaryReviewInput): Promise<SecretaryReview> {
  return apiRequest<SecretaryReview>(`/units/${unitId}/reviews/${year}`, { method: 'PUT', body });
}

export function useSaveReview(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: SecretaryReviewInput }) => saveReview(unitId, year, body),
    onSuccess: () => refreshUnitRecords(queryClient, unitKeys.reviews(unitId)),
  });
}
