/**
 * The quality model (DESIGN.md, "The quality model"): pure functions from a
 * branch's or unit's facts, the rule set and an as-of date to scores and gaps.
 * The API, the annual report and the tests all use this one implementation.
 */
export type * from './facts.js';
export * from './catalogue.js';
export { PARAMS, PARAM_KEYS, type ParamKey, type ParamMeta, type RuleParams } from './params.js';
export {
  RuleSetSchema, DEFAULT_RULES, RETIRED_EXEMPT_DEFAULT, RULE_FIELDS, GRADE_LABELS, GRADE_COLORS,
  getRuleValue, setRuleValue, withDefaults, passLine, gradeOf,
  type RuleSet, type IndicatorRule, type RuleField, type Grade,
} from './rules.js';
export {
  periodsOf, judgedPeriods, dueCount, endedMonths, cutoffOf, isCurrentYear, isValidFrequency, periodsPhrase, type Period,
} from './periods.js';
export { yearsBetween, addYears, addMonths, monthEnd, daysInMonth, ymd } from './dates.js';
export type * from './types.js';
export { scoreBranch } from './score.js';
export { averageOf, meanOfTenths, tenthsOf } from './tally.js';
export { countedPosts, isDualLeader } from './leadership.js';
export { retiredExempt } from './context.js';
export { scoreUnit, requiredFullTimeWorkers, planDeadline, planStatusOf, type PlanStatus } from './unit.js';
export { meetingsInRange, tallyPeriods, meanAttendance, MEETING_COLUMNS, type MeetingColumns, type PeriodTally } from './meeting-tally.js';
export {
  MEMBER_COLUMNS, MEMBER_FLAG, memberAt, membersOfColumns, memberColumnsOf, employmentCounts, type MemberColumns,
} from './member-columns.js';
export { aggregateGaps, gapLineKey, gapPhraseOf, isProblem, type GapSummary } from './aggregate.js';
export { DOCUMENTS, INDICATOR_SOURCES, TIERS, TIER_HEADINGS, TIER_LABELS, sourceText, type IndicatorSource, type Tier } from './sources.js';
export { MEETING_FREQUENCY_PARAMS, JUDGED_MEETING_TYPES, meetingNotDue, type JudgedMeetingType } from './meeting-kinds.js';
export { RANKING_MAX, rankingEnds } from './ranking.js';
export * from './todo.js';
