import { MEETING_TYPE_LABELS, type MeetingType } from '@wj/domain';
import {
  JUDGED_MEETING_TYPES, MEETING_FREQUENCY_PARAMS, meanAttendance, meetingNotDue, meetingsInRange, periodsPhrase, tallyPeriods,
  type JudgedMeetingType, type RuleSet,
} from '@wj/domain/quality';
import type { Meeting } from '@wj/domain/schemas';

/**
 * The 三会一课 strip above the records: for each kind of meeting the rules
 * set a frequency for, how many are held against how many are due by today
 * (《中国共产党支部工作条例（试行）》第十一、十二、十三、十六条 and 第五章). Counted by
 * the quality model's own functions (quality/meeting-tally.ts): period by
 * period, pro-rated to the as-of date, a meeting counting only in its own
 * quarter or month, nothing dated before the branch was founded.
 */
/** met: green; short: red (rule broken); warn: amber (attendance between the two lines); pending: not due yet; na: not judged. */
export type ComplianceStatus = 'met' | 'short' | 'warn' | 'pending' | 'na';

export interface ComplianceItem {
  key: MeetingType | 'attendance';
  label: string;
  status: ComplianceStatus;
  /** Due periods covered (capped per period), or the attendance in %. */
  held: number;
  due: number;
  /** Every record of this kind in the year, due or not yet. */
  recorded: number;
  /** Why it is short, pending or not judged: "第三季度未召开". */
  note: string | null;
}

export interface ComplianceInput {
  meetings: readonly Pick<Meeting, 'type' | 'date' | 'expected' | 'present'>[];
  rules: RuleSet;
  year: number;
  /** Today, YYYY-MM-DD. */
  asOf: string;
  foundedDate: string | null;
  hasGroups: boolean;
  fullCount: number;
}

function notJudged(input: ComplianceInput, type: JudgedMeetingType): string | null {
  return meetingNotDue(type, { fullCount: input.fullCount, hasGroups: input.hasGroups }, input.rules.params);
}

function periodic(input: ComplianceInput, type: JudgedMeetingType, perYear: number): ComplianceItem {
  const { year, asOf, foundedDate } = input;
  const label = MEETING_TYPE_LABELS[type];
  const dates = meetingsInRange(input.meetings, year, asOf, foundedDate).filter((m) => m.type === type).map((m) => m.date);
  const base = { key: type, label, recorded: dates.length };
  const reason = notJudged(input, type);
  if (reason) return { ...base, status: 'na', held: 0, due: 0, note: reason };

  const t = tallyPeriods(dates, perYear, year, asOf, foundedDate);
  if (t.short.length > 0) {
    const whole = t.short[0]!.months === 12;
    return { ...base, status: 'short', held: t.held, due: t.due, note: whole ? `${year}年未开` : `${periodsPhrase(t.short)}未达要求` };
  }
  if (t.due === 0) {
    // Nothing due yet (a yearly meeting before the year ends, or a new branch): say when it falls due.
    // As the score: a yearly meeting held early is met; a period still running is not yet judged, held or not.
    const doneEarly = t.open ? t.heldOpen >= t.open.required : false;
    if (doneEarly && perYear === 1) return { ...base, status: 'met', held: 0, due: 0, note: '本期已开' };
    return { ...base, status: 'pending', held: 0, due: 0, note: doneEarly ? '本期已开，尚未到期' : t.open?.months === 12 ? '年底前召开' : '尚无到期' };
  }
  return { ...base, status: 'met', held: t.held, due: t.due, note: null };
}

/** Mean of present/expected over the year's records of every kind, as the score's 到会率 indicator. */
function attendance(input: ComplianceInput): ComplianceItem {
  const { attendanceMin, attendanceWarnMin } = input.rules.params;
  const inRange = meetingsInRange(input.meetings, input.year, input.asOf, input.foundedDate);
  const base = { key: 'attendance' as const, label: '平均到会率', due: Math.round(attendanceMin * 100), recorded: inRange.filter((m) => m.expected > 0).length };
  const avg = meanAttendance(inRange);
  if (avg === null) return { ...base, status: 'na', held: 0, note: '尚无记录' };
  const held = Math.round(avg * 1000) / 10;
  if (avg + 1e-9 >= attendanceMin) return { ...base, status: 'met', held, note: null };
  return avg + 1e-9 >= attendanceWarnMin
    ? { ...base, status: 'warn', held, note: '低于达标线' }
    : { ...base, status: 'short', held, note: '低于预警线' };
}

export function meetingCompliance(input: ComplianceInput): ComplianceItem[] {
  const items = JUDGED_MEETING_TYPES
    .filter((type) => input.rules.indicators[type].enabled)
    .map((type) => periodic(input, type, input.rules.params[MEETING_FREQUENCY_PARAMS[type]]));
  return input.rules.indicators.attendance.enabled ? [...items, attendance(input)] : items;
}
