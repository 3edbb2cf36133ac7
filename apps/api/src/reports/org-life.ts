import { MEETING_TYPE_LABELS } from '@wj/domain/labels';
import {
  JUDGED_MEETING_TYPES, meanAttendance, MEETING_FREQUENCY_PARAMS, meetingNotDue, meetingsInRange, periodsPhrase, tallyPeriods,
  type BranchFacts, type IndicatorCode, type JudgedMeetingType, type ParamKey, type RuleSet,
} from '@wj/domain/quality';

/**
 * 组织生活 held against what was due, per branch and meeting type — the same
 * periods and frequencies the quality model judges by (《中国共产党支部工作条例
 * （试行）》第十一、十二、十三、十六条及第五章; periods.ts: within the current year only the
 * periods ended by the as-of date are due).
 */
export interface MeetingKind {
  type: JudgedMeetingType;
  label: string;
  param: ParamKey;
  indicator: IndicatorCode;
}

export const DUE_KINDS: readonly MeetingKind[] = JUDGED_MEETING_TYPES.map((type) => ({
  type, param: MEETING_FREQUENCY_PARAMS[type], indicator: type, label: MEETING_TYPE_LABELS[type],
}));

export interface MeetingTally {
  /** null: not required of this branch (no 支委会 needed, no 党小组, or the indicator is switched off). */
  due: number | null;
  /** Meetings recorded in the judged part of the year. */
  held: number;
  /** Of the due, how many were held in their own period (a second meeting in one month does not make up for another). */
  onTime: number;
  /** The periods that lack a meeting: 第三季度, 3、5月. */
  missing: string;
}

export interface BranchOrgLife {
  orgId: number;
  byType: Record<string, MeetingTally>;
  heartTalks: number;
  /** Mean present/expected over the year's meetings; null without any. */
  attendance: number | null;
}

function applies(kind: MeetingKind, facts: BranchFacts, rules: RuleSet): boolean {
  if (!rules.indicators[kind.indicator].enabled) return false;
  const fullCount = facts.members.filter((m) => m.category === 'full').length;
  return meetingNotDue(kind.type, { fullCount, hasGroups: facts.hasGroups }, rules.params) === null;
}

export function branchOrgLife(facts: BranchFacts, rules: RuleSet, year: number, asOf: string): BranchOrgLife {
  const founded = facts.foundedDate;
  // The quality model's own counting (quality/meeting-tally.ts): nothing before founding or after the cutoff.
  const meetings = meetingsInRange(facts.meetings, year, asOf, founded);
  const byType: Record<string, MeetingTally> = {};
  for (const kind of DUE_KINDS) {
    const dates = meetings.filter((m) => m.type === kind.type).map((m) => m.date);
    if (!applies(kind, facts, rules)) {
      byType[kind.type] = { due: null, held: dates.length, onTime: 0, missing: '' };
      continue;
    }
    const t = tallyPeriods(dates, rules.params[kind.param], year, asOf, founded);
    byType[kind.type] = { due: t.due, held: dates.length, onTime: t.held, missing: periodsPhrase(t.short) };
  }
  return {
    orgId: facts.orgId,
    byType,
    heartTalks: meetings.filter((m) => m.type === 'heart_talk').length,
    attendance: meanAttendance(meetings),
  };
}

export interface OrgLifeTotal {
  kind: MeetingKind;
  /** Branches this type is required of. */
  branches: number;
  due: number;
  held: number;
  onTime: number;
  /** Branches with every due period covered. */
  compliant: number;
}

export function orgLifeTotals(rows: BranchOrgLife[]): OrgLifeTotal[] {
  return DUE_KINDS.map((kind) => {
    const tallies = rows.map((r) => r.byType[kind.type]!).filter((t) => t.due !== null);
    return {
      kind,
      branches: tallies.length,
      due: tallies.reduce((n, t) => n + t.due!, 0),
      held: tallies.reduce((n, t) => n + t.held, 0),
      onTime: tallies.reduce((n, t) => n + t.onTime, 0),
      compliant: tallies.filter((t) => t.onTime >= t.due!).length,
    };
  });
}
