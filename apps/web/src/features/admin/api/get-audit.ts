import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { adminKeys } from './keys';

/** One audit row (AuditEntrySchema in @wj/domain/schemas/admin.ts); sensitive fields arrive as '***'. */
export interface AuditEntry {
  id: number;
  at: string;
  username: string;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: number | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditFilters {
  page: number;
  pageSize: number;
  username?: string;
  entityType?: string;
  action?: string;
  /** YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
}

export function getAudit(filters: AuditFilters, signal?: AbortSignal): Promise<AuditPage> {
  return apiGet<AuditPage>('/audit', { ...filters }, signal);
}

export const auditQueryOptions = (filters: AuditFilters) =>
  queryOptions({
    queryKey: adminKeys.auditList(filters),
    queryFn: ({ signal }) => getAudit(filters, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export function useAudit(filters: AuditFilters) {
  return useQuery(auditQueryOptions(filters));
}
