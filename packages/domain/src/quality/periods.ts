import { monthEnd, yearOf, ymd } from './dates.js';

/**
 * Pro-rating (DESIGN.md, "The quality model"): within the current year only
 * the periods that have ENDED by the as-of date are due. A frequency of n per
 * year splits the year into n equal runs of months (4 → quarters, 12 →
 * months, 1 → the whole year), each needing one meeting; a multiple of 12
 * (24) means monthly periods needing n/12 each. A quarter is due once its last
 * day is reached: on 30 June two 党员大会 are due, on 1 July still two, on
 * 30 September three. Past years are judged whole. Months end on their real
 * last day (29 Feb 2028).
 */
export interface Period {
  /** 0-based position in the year. */
  index: number;
  start: string;
  end: string;
  months: number;
  /** How many meetings this period needs. */
  required: number;
  /** "第三季度", "3月", "上半年", "全年", "1—4月". */
  label: string;
}

/** Frequencies the period model can split the year by. */
export function isValidFrequency(perYear: number): boolean {
  return Number.isInteger(perYear) && perYear > 0 && (12 % perYear === 0 || perYear % 12 === 0);
}

const CN_NUM = ['一', '二', '三', '四'];

function periodLabel(months: number, index: number, startMonth: number): string {
  if (months === 12) return '全年';
  if (months === 6) return index === 0 ? '上半年' : '下半年';
  if (months === 3) return `第${CN_NUM[index] ?? index + 1}季度`;
  if (months === 1) return `${startMonth}月`;
  return `${startMonth}—${startMonth + months - 1}月`;
}

export function periodsOf(perYear: number, year: number): Period[] {
  if (!isValidFrequency(perYear)) throw new RangeError(`无法按月均分的频次：每年${perYear}次`);
  const count = perYear <= 12 ? perYear : 12;
  const months = 12 / count;
  const required = perYear <= 12 ? 1 : perYear / 12;
  return Array.from({ length: count }, (_, index) => {
    const startMonth = index * months + 1;
    const endMonth = startMonth + months - 1;
    return {
      index, months, required,
      start: ymd(year, startMonth, 1),
      end: monthEnd(year, endMonth),
      label: periodLabel(months, index, startMonth),
    };
  });
}

/**
 * The day up to which a year is judged: its last day for a past year, the
 * as-of date otherwise (a future year thus has nothing due yet).
 */
export function cutoffOf(year: number, asOf: string): string {
  return year < yearOf(asOf) ? ymd(year, 12, 31) : asOf;
}

export function isCurrentYear(year: number, asOf: string): boolean {
  return year === yearOf(asOf);
}

/**
 * A branch founded mid-year is judged only on periods that began on or after
 * its founding day: founded 15 May, its first judged quarter is Q3 and its
 * first judged month June.
 */
export function startsAfterFounding(period: Period, foundedDate: string | null): boolean {
  return foundedDate === null || period.start >= foundedDate;
}

/** The periods of `year` that are due at `asOf`: ended, and not before the branch existed. */
export function judgedPeriods(perYear: number, year: number, asOf: string, foundedDate: string | null = null): Period[] {
  const cutoff = cutoffOf(year, asOf);
  return periodsOf(perYear, year).filter((p) => p.end <= cutoff && startsAfterFounding(p, foundedDate));
}

/** How many meetings of a perYear-frequency are due in `year` at `asOf` (4 per year, 30 June → 2). */
export function dueCount(perYear: number, year: number, asOf: string, foundedDate: string | null = null): number {
  return judgedPeriods(perYear, year, asOf, foundedDate).reduce((n, p) => n + p.required, 0);
}

/** Months of `year` ended by `asOf` since founding: the pro-rating base for yearly quotas (study hours). */
export function endedMonths(year: number, asOf: string, foundedDate: string | null = null): number {
  return judgedPeriods(12, year, asOf, foundedDate).length;
}

/** Names a set of periods of one kind: "第一、三季度", "3、5月", "上半年", "1—4月、9—12月". */
export function periodsPhrase(periods: Period[]): string {
  const first = periods[0];
  if (!first) return '';
  if (first.months === 3) return `第${periods.map((p) => CN_NUM[p.index] ?? String(p.index + 1)).join('、')}季度`;
  if (first.months === 1) return `${periods.map((p) => p.index + 1).join('、')}月`;
  return periods.map((p) => p.label).join('、');
}

/*
 * Period tables for the scoring loop: the same periods as periodsOf and
 * judgedPeriods, computed once per frequency and year (and per cutoff and
 * founding day for the judged ones) instead of once per branch and type, and
 * shared — frozen, so that no caller can change what another one reads.
 */
const tables = new Map<number, readonly Period[]>();

/** periodsOf(perYear, year), built once and shared (frozen). */
export function periodTable(perYear: number, year: number): readonly Period[] {
  const key = perYear * 100_000 + year;
  let table = tables.get(key);
  if (!table) {
    table = Object.freeze(periodsOf(perYear, year).map((p) => Object.freeze(p)));
    if (tables.size > 1000) tables.clear();
    tables.set(key, table);
  }
  return table;
}

/** The periods due at a cutoff (judgedPeriods) and the one running at it (none once the year is over), shared. */
export interface JudgedTable { judged: readonly Period[]; open: Period | undefined }
const judgedTables = new Map<string, JudgedTable>();

/**
 * The last (year, cutoff) asked for and its tables by founding day and
 * frequency: the scoring loop asks for the same few ~8 times a branch. A
 * founding day on or before 1 January is no founding day to the periods (every
 * period starts after it), so all such branches share the tables of null.
 */
let recent: { year: number; cutoff: string; firstDay: string; byFounded: Map<string | null, Map<number, JudgedTable>> } | undefined;

/** judgedPeriods and the open period of tallyPeriods, for a cutoff already computed (cutoffOf), built once and shared. */
export function judgedTable(perYear: number, year: number, cutoff: string, founded: string | null): JudgedTable {
  let r = recent;
  if (!r || r.year !== year || r.cutoff !== cutoff) r = recent = { year, cutoff, firstDay: ymd(year, 1, 1), byFounded: new Map() };
  const f = founded !== null && founded <= r.firstDay ? null : founded;
  let byFrequency = r.byFounded.get(f);
  if (!byFrequency) {
    if (r.byFounded.size > 10_000) r.byFounded.clear();
    r.byFounded.set(f, (byFrequency = new Map()));
  }
  let t = byFrequency.get(perYear);
  if (!t) {
    t = judgedTableOf(perYear, year, cutoff, f);
    byFrequency.set(perYear, t);
  }
  return t;
}

function judgedTableOf(perYear: number, year: number, cutoff: string, founded: string | null): JudgedTable {
  const key = `${perYear}|${year}|${cutoff}|${founded ?? ''}`;
  let t = judgedTables.get(key);
  if (!t) {
    const all = periodTable(perYear, year);
    t = Object.freeze({
      judged: Object.freeze(all.filter((p) => p.end <= cutoff && startsAfterFounding(p, founded))),
      open: all.find((p) => p.start <= cutoff && p.end > cutoff && startsAfterFounding(p, founded)),
    });
    // Bounded whatever the dates callers ask for.
    if (judgedTables.size > 10_000) judgedTables.clear();
    judgedTables.set(key, t);
  }
  return t;
}
