import { cutoffOf, judgedPeriods, periodsOf, startsAfterFounding, type Period } from './periods.js';

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
