import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnitPlan, UnitPlanInput } from '@wj/domain/schemas';
import { apiGet, apiRequest } from '@/lib/api-client';
import { refreshUnitRecords, unitKeys } from './keys';

/** 年度党建工作计划 of every year, newest first. */
export function getPlans(unitId: number, signal?: AbortSignal): Promise<UnitPlan[]> {
  return apiGet<UnitPlan[]>(`/units/${unitId}/plans`, undefined, signal);
}

export const plansQueryOptions = (unitId: number) =>
  queryOptions({ queryKey: unitKeys.plans(unitId), queryFn: ({ signal }) => getPlans(unitId, signal) });

export function usePlans(unitId: number) {
  return useQuery(plansQueryOptions(unitId));
}

/** Submits or corrects one year's plan (an existing plan needs the version read). */
export function savePlan(unitId: number, year: number, body: UnitPlanInput): Promise<UnitPlan> {
  return apiRequest<UnitPlan>(`/units/${unitId}/plans/${year}`, { method: 'PUT', body });
}

export function useSavePlan(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: UnitPlanInput }) => savePlan(unitId, year, body),
    onSuccess: () => refreshUnitRecords(queryClient, unitKeys.plans(unitId)),
  });
}
