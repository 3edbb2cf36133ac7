import { INDICATORS, type IndicatorCode } from './catalogue.js';
import type { Gap } from './types.js';

/** One line of the committee dashboard: “5个支部书记非“双带头人””, with the organisations behind it. */
export interface GapSummary {
  code: IndicatorCode;
  count: number;
  red: number;
  amber: number;
  /** `${count}${gapPhrase}`. */
  text: string;
  orgIds: number[];
}

/**
 * Counts organisations per gap code, the way the survey did. Each
 * organisation counts once per code; codes with no gap are left out; the
 * order is the catalogue's. Pass `severity` to count only red (rule broken)
 * or only amber gaps.
 */
export function aggregateGaps(scores: { orgId: number; gaps: Gap[] }[], severity?: Gap['severity']): GapSummary[] {
  const out: GapSummary[] = [];
  for (const def of INDICATORS) {
    const hits = scores.flatMap((s) => s.gaps.filter((g) => g.code === def.code && (!severity || g.severity === severity)).map((g) => ({ orgId: s.orgId, g })));
    if (hits.length === 0) continue;
    const orgIds = [...new Set(hits.map((h) => h.orgId))];
    out.push({
      code: def.code,
      count: orgIds.length,
      red: hits.filter((h) => h.g.severity === 'red').length,
      amber: hits.filter((h) => h.g.severity === 'amber').length,
      text: `${orgIds.length}${def.gapPhrase}`,
      orgIds,
    });
  }
  return out;
}
