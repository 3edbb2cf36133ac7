import type { IndicatorCode } from './catalogue.js';
import type { BranchFacts, CommitteeFact } from './facts.js';
import { yearsBetween } from './dates.js';
import { memberColumnsOf, memberCountsOfColumns, type MemberColumns } from './member-columns.js';
import { MEETING_COLUMNS, meetingMonths, meetingMonthsOfColumns, type MeetingColumns, type MeetingMonths } from './meeting-tally.js';
import { cutoffOf, isCurrentYear } from './periods.js';
import type { RuleParams } from './params.js';
import type { RuleSet } from './rules.js';
import type { Outcome, ScoreOptions, Severity } from './types.js';

/** Everything a branch indicator check needs, computed once per scoring. */
export interface BranchContext {
  facts: BranchFacts;
  rules: RuleSet;
  p: RuleParams;
  year: number;
  asOf: string;
  /** Last day judged: 31 Dec for a past year, asOf otherwise. */
  cutoff: string;
  current: boolean;
  founded: string | null;
  fullCount: number;
  /** Members on the roll (facts.members.length). */
  memberCount: number;
  /** Fast path, with memberColumns: members whose roster record is incomplete. */
  rosterIncomplete: number | undefined;
  /** Fast path: the members in columns, when the loader kept them so (member-columns.ts); read instead of facts.members. */
  memberColumns: MemberColumns | undefined;
  /**
   * The branch has enough 正式党员 to need a 支委会 (《中国共产党支部工作条例（试行）》
   * 第六章: 7人以上设支委会; below that only a secretary, maybe a deputy).
   */
  needsCommittee: boolean;
  secretary: CommitteeFact['members'][number] | undefined;
  /**
   * 'plain': every check reads the facts as they are, record by record (the
   * reference the fast path is tested against); 'fast': 组织生活 counted from
   * per-month tallies on shared period tables, ages from a memo. Same scores.
   */
  path: ScorePath;
  /** Fast path: the records' month tallies, built on first use; null when some record is not a plain date. */
  months?: MeetingMonths | null;
  /** yearsBetween, memoised on the fast path. */
  yearsBetween: (from: string, to: string) => number;
}

export type ScorePath = 'fast' | 'plain';

/** The fast path's month tallies of the branch's 组织生活 (null: count by date). */
export function monthsOf(ctx: BranchContext): MeetingMonths | null {
  if (ctx.path === 'plain') return null;
  if (ctx.months === undefined) {
    const columns = (ctx.facts as { [MEETING_COLUMNS]?: MeetingColumns })[MEETING_COLUMNS];
    ctx.months = columns
      ? meetingMonthsOfColumns(columns, ctx.year, ctx.cutoff, ctx.founded)
      : meetingMonths(ctx.facts.meetings, ctx.year, ctx.cutoff, ctx.founded);
  }
  return ctx.months;
}

const ages = new Map<string, Map<string, number>>();
/** yearsBetween through a memo: a commission has far fewer distinct birthdays than committee seats, and one cutoff. */
function yearsBetweenMemo(from: string, to: string): number {
  let byFrom = ages.get(to);
  if (!byFrom) {
    if (ages.size > 100) ages.clear();
    ages.set(to, (byFrom = new Map()));
  }
  let v = byFrom.get(from);
  if (v === undefined) {
    v = yearsBetween(from, to);
    if (byFrom.size > 200_000) byFrom.clear();
    byFrom.set(from, v);
  }
  return v;
}

export function branchContext(facts: BranchFacts, rules: RuleSet, opts: ScoreOptions, path: ScorePath = 'fast'): BranchContext {
  const columns = path === 'fast' ? memberColumnsOf(facts) : undefined;
  const counts = columns ? memberCountsOfColumns(columns) : undefined;
  const fullCount = counts ? counts.full : facts.members.filter((m) => m.category === 'full').length;
  return {
    facts, rules, p: rules.params,
    year: opts.year, asOf: opts.asOf,
    cutoff: cutoffOf(opts.year, opts.asOf),
    current: isCurrentYear(opts.year, opts.asOf),
    founded: facts.foundedDate,
    fullCount,
    memberCount: counts ? counts.n : facts.members.length,
    memberColumns: columns,
    rosterIncomplete: counts?.rosterIncomplete,
    needsCommittee: fullCount >= rules.params.committeeMinFullMembers,
    secretary: facts.committee?.members.find((m) => m.role === 'secretary'),
    path,
    yearsBetween: path === 'fast' ? yearsBetweenMemo : yearsBetween,
  };
}

/** A 离退休党支部 not judged on this indicator under the rule set (IndicatorRule.appliesToRetired). */
export function retiredExempt(ctx: Pick<BranchContext, 'facts' | 'rules'>, code: IndicatorCode): boolean {
  return ctx.facts.category === 'retired' && !ctx.rules.indicators[code].appliesToRetired;
}

/** Tolerance for comparing computed ratios and ages with thresholds (0.8 vs 4/5). */
export const EPS = 1e-9;

export const met = (detail: string): Outcome => ({ status: 'met', credit: 1, detail });

/** Not applicable, or nothing due yet: no points at stake, no gap. */
export const na = (detail: string): Outcome => ({ status: 'na', credit: 0, detail, scored: false });

/** A shortfall; credit > 0 makes it 'partial'. */
export function fail(severity: Severity, message: string, credit = 0, variant?: string): Outcome {
  return { status: credit > 0 ? 'partial' : 'unmet', credit, detail: message, gap: { severity, message, ...(variant ? { variant } : {}) } };
}

/** At risk but nothing broken yet (term ends soon): amber, full points kept. */
export const warn = (message: string): Outcome => ({ status: 'partial', credit: 1, detail: message, gap: { severity: 'amber', message, reminder: true } });

/** Not yet due but worth a reminder (组织生活会 in Q4): amber, nothing at stake. */
export const remind = (message: string): Outcome => ({
  status: 'partial', credit: 0, detail: message, scored: false, gap: { severity: 'amber', message, reminder: true },
});

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}
