import type { MeetingType, RecruitStage } from '../enums.js';
import type { IndicatorCode } from './catalogue.js';
import type { BranchFacts, RecruitFact } from './facts.js';

/**
 * 待办: what the rules expect of an organisation next, computed from the same
 * facts, rule set and as-of date as its score (todo.ts). An item done is a gap
 * that never opens; an item whose `gapCode` is set is backed by that gap in
 * the score right now, and goes when the gap goes.
 */
export const TODO_KINDS = [
  'meeting', 'meeting_returned', 'election', 'probation_due', 'activist_review', 'recruit_step',
  'project', 'roster', 'study_hours', 'unit_plan', 'unit_worker', 'unit_responsibility',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

/** overdue: its date has passed; due: falls due in the current period or within the look-ahead window. */
export type TodoStatus = 'overdue' | 'due';

/** Where the item is settled: the form to open and what to prefill it with. */
export type TodoTarget =
  | { form: 'meeting'; orgId: number; meetingType: MeetingType; date: string }
  | { form: 'meeting_edit'; orgId: number; meetingId: number }
  | { form: 'committee'; orgId: number }
  | { form: 'recruit'; orgId: number; recruitId: number | null; toStage: RecruitStage | null; date: string }
  | { form: 'project'; orgId: number }
  | { form: 'members'; orgId: number; filter: 'incomplete' | 'study' }
  | { form: 'unit_plan' | 'party_workers' | 'responsibility'; orgId: number };

export interface TodoItem {
  /** Stable within an as-of date: kind, org and what it is about. */
  key: string;
  kind: TodoKind;
  orgId: number;
  /** What to do, short: "召开12月支委会". */
  title: string;
  /** One sentence of why: the gap's own message when there is one. */
  detail: string;
  /** 'YYYY-MM-DD': the last day to do it (the period's end, the term's end …). */
  dueDate: string;
  status: TodoStatus;
  /** The rule it follows (document and article). */
  rule: string;
  /** The indicator whose gap this item settles (open now, or opening at the due date); null when no indicator judges it. */
  gapCode: IndicatorCode | null;
  target: TodoTarget;
}

/**
 * A pipeline entry as the 待办 see it: the score's RecruitFact, plus the row's
 * id and name so that an item can say who and open their record. Optional, so
 * plain BranchFacts work too (items then say "1名预备党员").
 */
export interface TodoRecruit extends RecruitFact {
  id?: number;
  name?: string;
  birthDate?: string;
}

/** A 组织生活 record a unit sent back: it does not count until corrected. */
export interface ReturnedMeeting {
  id: number;
  type: MeetingType;
  date: string;
  reason: string;
}

export interface TodoBranchFacts extends BranchFacts {
  recruits: TodoRecruit[];
  returnedMeetings?: ReturnedMeeting[];
}

export interface TodoOptions {
  /** 'YYYY-MM-DD': the day the list is for; the judged year is its year. */
  asOf: string;
}
