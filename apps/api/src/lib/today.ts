import { todayIso } from '@wj/domain/schemas';

const DAY_MS = 86_400_000;
/** Beijing time is UTC+8 all year (todayIso). */
const OFFSET_MS = 8 * 3600_000;
let kept = { iso: '', from: 0, until: 0 };

/**
 * Today in Beijing (`todayIso()`), worked out once per day instead of on every request: the day's bounds are
 * kept with it, so the answer changes at the very millisecond todayIso's would (and a clock set back is noticed).
 */
export function today(now = Date.now()): string {
  if (now < kept.from || now >= kept.until) {
    const from = Math.floor((now + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
    kept = { iso: todayIso(new Date(now)), from, until: from + DAY_MS };
  }
  return kept.iso;
}
