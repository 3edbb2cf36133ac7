import { AppError } from '../../lib/errors.js';

/**
 * How many caller-chosen periods may cost a whole-commission computation.
 *
 * Scores (and 待办) are computed and cached per (year, as-of date); every new
 * pair costs a pass over the whole commission's records, and the score cache
 * (quality/service.ts) keeps 16 pairs before it starts over. After clamping
 * (qualityPeriod) a year still has up to 365 dates, so a caller trying dates
 * one after another could keep the server rescoring and push out the pairs
 * everybody uses. Hence, per server process:
 * - a free period — the default one of the current year or of a year with
 *   records (the current year up to today, a past year whole: what the
 *   dashboard and the pages ask without an asOf) — always goes through;
 * - any other (year, asOf) is admitted if it was admitted in the last
 *   WINDOW_MS (it is in the cache), or if fewer than LIMIT pairs were
 *   admitted in the last WINDOW_MS (a sliding window);
 * - beyond that, the request is answered for the nearest admitted or free
 *   date of the same year (the answer's `asOf` says which date it is for),
 *   and refused with 429 only when that year has none.
 * So any burst of dates costs at most LIMIT computations a minute beyond the
 * defaults, and never more than LIMIT + the defaults entries in the cache.
 */
export const AS_OF_LIMIT = 4;
export const AS_OF_WINDOW_MS = 60_000;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export class AsOfBudget {
  /** `year|asOf` → when it was admitted (ms). */
  private admitted = new Map<string, number>();

  constructor(
    private readonly limit = AS_OF_LIMIT,
    private readonly windowMs = AS_OF_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The as-of date to compute for: `asOf` itself when free or admitted, else the nearest admitted or free date of `year`.
   * `free`: the year's default date, when the year is one whose default is free (see above), else null.
   */
  pick(year: number, asOf: string, free: string | null): string {
    if (asOf === free) return asOf;
    const t = this.now();
    for (const [key, at] of this.admitted) if (t - at >= this.windowMs) this.admitted.delete(key);
    const key = `${year}|${asOf}`;
    if (this.admitted.has(key)) return asOf;
    if (this.admitted.size < this.limit) {
      this.admitted.set(key, t);
      return asOf;
    }
    const candidates = [...this.admitted.keys()].filter((k) => k.startsWith(`${year}|`)).map((k) => k.slice(5));
    if (free) candidates.push(free);
    if (!candidates.length) throw new AppError(429, 'TOO_MANY_PERIODS', '短时间内查询的年度或截至日期过多，请一分钟后再试');
    const target = dayNumber(asOf);
    // Nearest by days; between two equally near, the earlier date (a score never claims a later date than asked).
    return candidates.reduce((best, c) => {
      const d = Math.abs(dayNumber(c) - target) - Math.abs(dayNumber(best) - target);
      return d < 0 || (d === 0 && c < best) ? c : best;
    });
  }
}
