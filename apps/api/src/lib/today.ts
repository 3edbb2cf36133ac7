import { chinaDay } from '@wj/domain/schemas';

let kept = { iso: '', from: 0, until: 0 };

/**
 * Today in Beijing (`todayIso()`), worked out once per day instead of on every request: the day's bounds are
 * kept with it (the domain's chinaDay), so the answer changes at the very millisecond todayIso's would (and a clock set back is noticed).
 */
export function today(now = Date.now()): string {
  if (now < kept.from || now >= kept.until) kept = chinaDay(now);
  return kept.iso;
}
