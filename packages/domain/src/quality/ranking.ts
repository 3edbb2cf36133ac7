/**
 * A ranking of organisations past RANKING_MAX shows only its two ends: the
 * best and the worst RANKING_MAX / 2 (a province holds 1,200 units; a chart of
 * 1,200 bars says nothing, and carrying them made the dashboard's answer three
 * times its size). The dashboard's answer, its chart and the annual report's
 * chart all cut here.
 */
export const RANKING_MAX = 30;

/** `ranked` (in rank order) cut to its two ends, and how many lie between them, not shown. */
export function rankingEnds<T>(ranked: readonly T[]): { shown: T[]; omitted: number } {
  if (ranked.length <= RANKING_MAX) return { shown: [...ranked], omitted: 0 };
  const half = RANKING_MAX / 2;
  return { shown: [...ranked.slice(0, half), ...ranked.slice(-half)], omitted: ranked.length - RANKING_MAX };
}
