import { useState } from 'react';
import { keepPreviousData, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgSearch } from '@wj/domain/schemas';
import { apiGet } from '@/lib/api-client';
import { orgPathQuery } from '@/lib/org-tree-levels';
import { orgKeys } from '@/lib/query-keys';
import { useDebounced } from '@/lib/use-debounced';
import { toReportUnit, type ReportUnit } from './get-report-units';

/** At most this many units come back; the answer says how many match in all. */
export const UNIT_SEARCH_LIMIT = 50;
/** Typing settles this long before the server is asked. */
const DEBOUNCE_MS = 250;

/** GET /api/orgs/tree/search with level=unit: only unit-level orgs match, so the province's branches never use up the limit. */
export function searchReportUnits(q: string, signal?: AbortSignal): Promise<OrgSearch> {
  return apiGet<OrgSearch>('/orgs/tree/search', { q, limit: UNIT_SEARCH_LIMIT, level: 'unit' }, signal);
}

export const reportUnitSearchQueryOptions = (q: string) =>
  queryOptions({ queryKey: orgKeys.unitSearch(q), queryFn: ({ signal }) => searchReportUnits(q, signal), placeholderData: keepPreviousData });

/** The units an answer found, in tree order (the root's children it matched), and how many more match than it holds. */
export function unitsFound(answer: OrgSearch): { units: ReportUnit[]; more: number } {
  const matched = new Set(answer.matchIds);
  const units = (answer.root?.children ?? []).filter((u) => matched.has(u.id)).map(toReportUnit);
  return { units, more: Math.max(0, answer.matchCount - units.length) };
}

/**
 * Typing in the scope selector: while some units are not loaded (`onServer`)
 * the server searches them all, once typing settles; while every unit is
 * loaded the selector filters what it holds and nothing is asked.
 */
export function useReportUnitSearch(onServer: boolean) {
  const qc = useQueryClient();
  const [typed, setTyped] = useState('');
  const needle = useDebounced(typed.trim(), DEBOUNCE_MS);
  const asking = onServer && needle.length > 0;
  const found = useQuery({ ...reportUnitSearchQueryOptions(needle), enabled: asking });
  const answer = asking && found.data ? found.data : undefined;
  return {
    typed,
    setTyped,
    /** The selector shows the server's answer (or, until the first lands, what it holds, narrowed as typed). */
    searching: onServer && typed.trim().length > 0,
    found: answer ? unitsFound(answer) : undefined,
    isFetching: asking && found.isFetching,
    /** The server answered this very search with no unit (not the previous search's answer kept meanwhile). */
    noMatch: asking && !found.isPlaceholderData && found.data !== undefined && found.data.matchIds.length === 0,
    /** Keeps the path down to a picked unit, so the page names it at once without asking for it. */
    keepPath: (id: number) => {
      const unit = answer?.root?.children?.find((u) => u.id === id);
      if (!answer?.root || !unit) return;
      const { children: _r, ...root } = answer.root;
      const { children: _u, ...node } = unit;
      qc.setQueryData(orgPathQuery(id).queryKey, [root, node]);
    },
  };
}
