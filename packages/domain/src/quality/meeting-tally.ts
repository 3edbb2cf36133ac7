import { daysInMonth } from './dates.js';
import { cutoffOf, judgedPeriods, judgedTable, periodsOf, startsAfterFounding, type Period } from './periods.js';

/**
 * How 组织生活 records are counted — one implementation for the score
 * (political.ts), the 组织生活 strip in the web app and the report's tables:
 * only records of the judged year up to the cutoff and not before the branch
 * was founded count; a meeting counts only in its own period, and extra
 * meetings in one period do not make up for another.
 */
export function meetingsInRange<T extends { date: string }>(meetings: readonly T[], year: number, asOf: string, founded: string | null): T[] {
  const cutoff = cutoffOf(year, asOf);
  return meetings.filter((m) => m.date >= `${year}-01-01` && m.date <= cutoff && (founded === null || m.date >= founded));
}

export interface PeriodTally {
  /** The periods due at asOf (ended, and not before founding). */
  judged: Period[];
  /** Meetings due in them. */
  due: number;
  /** Due meetings held, capped per period. */
  held: number;
  /** Judged periods lacking a meeting. */
  short: Period[];
  /** The period running at asOf (none once the year is over), if it began after founding. */
  open: Period | undefined;
  /** Meetings held in `open` so far. */
  heldOpen: number;
}

/** Counts `dates` (already in range) against a frequency of perYear for `year` at `asOf`. */
export function tallyPeriods(dates: readonly string[], perYear: number, year: number, asOf: string, founded: string | null): PeriodTally {
  const cutoff = cutoffOf(year, asOf);
  const heldIn = (p: Period) => dates.filter((d) => d >= p.start && d <= p.end).length;
  const judged = judgedPeriods(perYear, year, asOf, founded);
  const open = periodsOf(perYear, year).find((p) => p.start <= cutoff && p.end > cutoff && startsAfterFounding(p, founded));
  return {
    judged,
    due: judged.reduce((n, p) => n + p.required, 0),
    held: judged.reduce((n, p) => n + Math.min(p.required, heldIn(p)), 0),
    short: judged.filter((p) => heldIn(p) < p.required),
    open,
    heldOpen: open ? heldIn(open) : 0,
  };
}

/** Mean of present/expected (each capped at 1) over records with anyone expected; null without any. */
export function meanAttendance(meetings: readonly { expected: number; present: number }[]): number | null {
  const ratios = meetings.filter((m) => m.expected > 0).map((m) => Math.min(1, m.present / m.expected));
  return ratios.length ? ratios.reduce((s, r) => s + r, 0) / ratios.length : null;
}

/**
 * The scoring loop's form of a branch's 组织生活 records: one pass over them
 * gives, per meeting type, how many in-range records fall in each month of
 * the year, and the mean attendance — what meetingsInRange, tallyPeriods and
 * meanAttendance compute, without re-reading every record for every type and
 * period. Periods are whole months (periods.ts), so a record counts in a
 * period exactly when its month is one of the period's.
 */
export interface MeetingMonths {
  /** Per meeting type: in-range records per month (index 0 = January). */
  byType: Map<string, Int32Array>;
  /** meanAttendance of the in-range records. */
  attendance: number | null;
}

const DASH = 45;
const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
function twoDigits(s: string, i: number): number {
  const a = digit(s, i), b = digit(s, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

const NONE = new Int32Array(12);
const monthLengths = new Map<number, readonly number[]>();
function lengthsOf(year: number): readonly number[] {
  let l = monthLengths.get(year);
  if (!l) {
    l = Array.from({ length: 13 }, (_, m) => (m === 0 ? 0 : daysInMonth(year, m)));
    if (monthLengths.size > 1000) monthLengths.clear();
    monthLengths.set(year, l);
  }
  return l;
}

/** Counts records into MeetingMonths, one at a time, in the records' order. */
class MonthCounter {
  readonly byType = new Map<string, Int32Array>();
  private sum = 0;
  private counted = 0;
  private readonly from: string;
  private readonly lengths: readonly number[];
  /** false once a record in range is not a plain valid day. */
  regular = true;
  constructor(year: number, private readonly cutoff: string, private readonly founded: string | null) {
    this.from = `${year}-01-01`;
    this.lengths = lengthsOf(year);
  }

  add(type: string, d: string, expected: number, present: number): void {
    if (!(d >= this.from && d <= this.cutoff && (this.founded === null || d >= this.founded))) return;
    // Same order and arithmetic as meanAttendance.
    if (expected > 0) {
      this.sum += Math.min(1, present / expected);
      this.counted++;
    }
    const month = d.length === 10 && d.charCodeAt(4) === DASH && d.charCodeAt(7) === DASH ? twoDigits(d, 5) : -1;
    const day = month > 0 ? twoDigits(d, 8) : -1;
    if (month < 1 || month > 12 || day < 1 || day > this.lengths[month]!) {
      this.regular = false;
      return;
    }
    let counts = this.byType.get(type);
    if (!counts) this.byType.set(type, (counts = new Int32Array(12)));
    counts[month - 1]!++;
  }

  result(): MeetingMonths | null {
    return this.regular ? { byType: this.byType, attendance: this.counted ? this.sum / this.counted : null } : null;
  }
}

/**
 * MeetingMonths of `meetings` for `year` at `cutoff` (cutoffOf), or null when
 * a record in range is not a plain valid 'YYYY-MM-DD' day (a time part, 30
 * February): the month rule would not be exact for it, so the caller counts
 * by date (tallyPeriods) instead.
 */
export function meetingMonths(meetings: readonly { type: string; date: string; expected: number; present: number }[], year: number, cutoff: string, founded: string | null): MeetingMonths | null {
  const c = new MonthCounter(year, cutoff, founded);
  for (const m of meetings) {
    c.add(m.type, m.date, m.expected, m.present);
    if (!c.regular) return null;
  }
  return c.result();
}

/**
 * A compact form of one branch's 组织生活 records, in columns shared by all
 * the branches a loader read (API: facts-loader.ts): row `order[i]` for i in
 * [from, to), in the records' own order. A loader that keeps its records so
 * attaches it under MEETING_COLUMNS (not enumerable: JSON and equality see the
 * plain `meetings`) and the fast path counts from it without record objects.
 */
export interface MeetingColumns {
  types: readonly string[];
  dates: readonly string[];
  expected: ArrayLike<number>;
  present: ArrayLike<number>;
  order: ArrayLike<number>;
  from: number;
  to: number;
}

/** Where a BranchFacts keeps its MeetingColumns, if it has them. */
export const MEETING_COLUMNS: unique symbol = Symbol('wj.meetingColumns');

/** meetingMonths over MeetingColumns: the same counts, read from the columns. */
export function meetingMonthsOfColumns(c: MeetingColumns, year: number, cutoff: string, founded: string | null): MeetingMonths | null {
  const counter = new MonthCounter(year, cutoff, founded);
  const { types, dates, expected, present, order } = c;
  for (let i = c.from; i < c.to; i++) {
    const r = order[i]!;
    counter.add(types[r]!, dates[r]!, expected[r]!, present[r]!);
    if (!counter.regular) return null;
  }
  return counter.result();
}

/** tallyPeriods from month counts (meetingMonths), on the shared period tables. */
export function tallyMonths(months: Int32Array | undefined, perYear: number, year: number, cutoff: string, founded: string | null): PeriodTally {
  const counts = months ?? NONE;
  const { judged, open } = judgedTable(perYear, year, cutoff, founded);
  let due = 0;
  let held = 0;
  const short: Period[] = [];
  for (const p of judged) {
    const n = heldInMonths(counts, p);
    due += p.required;
    held += Math.min(p.required, n);
    if (n < p.required) short.push(p);
  }
  return { judged: judged as Period[], due, held, short, open, heldOpen: open ? heldInMonths(counts, open) : 0 };
}

/** Meetings counted in a period's months. */
function heldInMonths(counts: Int32Array, p: Period): number {
  let n = 0;
  for (let i = p.index * p.months, end = i + p.months; i < end; i++) n += counts[i]!;
  return n;
}
