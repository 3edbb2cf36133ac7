import type { MeetingType } from '@wj/domain';
import { addDays, dayNumber, daysInMonth, fromDayNumber, minDate, yearOf, ymd } from './dates.js';
import type { Rng } from './rng.js';
import { MEETING_TOPICS, MONTH_THEME } from './texts.js';
import type { BranchCtx, GenCtx, MeetingRow, UnitCtx } from './types.js';

/**
 * 组织生活 per 《中国共产党支部工作条例（试行）》第十五至十七条: 支部党员大会
 * quarterly, 支委会 monthly, 党小组会 monthly, 党课 quarterly, 主题党日 monthly,
 * 组织生活会 and 民主评议党员 once a year, 谈心谈话 as needed. Sound branches
 * meet on days 3–18 so even the current month's meeting is before the as-of date.
 */
export type Draft = Omit<MeetingRow, 'id' | 'orgId' | 'version' | 'updatedAt' | 'updatedBy'>;

export function buildMeetings(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) {
    for (const br of unit.branches) {
      for (const year of ctx.years) {
        const drafts = branchYear(ctx, rng.fork('meetings', br.id, year), br, year);
        drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        for (const d of drafts) {
          ctx.data.meetings.push({ id: ctx.nextId('meetings'), orgId: br.id, ...d, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo' });
        }
      }
    }
  }
}

export function branchYear(ctx: GenCtx, rng: Rng, br: BranchCtx, year: number): Draft[] {
  const current = year === yearOf(ctx.asOf);
  const end = current ? ctx.asOf : ymd(year, 12, 31);
  const lastMonth = Number(end.slice(5, 7));
  const n = br.members.length;
  const headcount = current ? n : Math.max(1, n - rng.int(0, 2));
  const committeeSize = br.committee?.members.length ?? 0;
  // A seeded problem is judged in the as-of year; the year before shows it about half the time.
  const has = (p: Parameters<typeof br.problems.has>[0]) => br.problems.has(p) && (current || rng.chance(0.5));
  const low = has('lowAttendance');
  const out: Draft[] = [];
  const add = (type: MeetingType, date: string | null, expected: number, topic?: string) => {
    if (!date) return;
    const present = type === 'heart_talk' ? expected : attend(rng, expected, low);
    out.push({ type, date, topic: topic ?? rng.pick(MEETING_TOPICS[type]), expected, present, notes: low && present < expected ? '部分党员因值班、出差未参加' : null });
  };

  // Periods wholly before the as-of date are the ones a rule can call missed; skips go there.
  const doneQuarters = [1, 2, 3, 4].filter((q) => ymd(year, q * 3, daysInMonth(year, q * 3)) < ctx.asOf);
  const doneMonths = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => ymd(year, m, daysInMonth(year, m)) < ctx.asOf);
  const skip = { general: new Set<number>(), lecture: new Set<number>(), committee: new Set<number>(), theme: new Set<number>() };
  if (has('irregularMeetings')) {
    const kinds = rng.sample(['general', 'lecture', committeeSize >= 3 ? 'committee' : 'general'] as const, rng.int(1, 2));
    for (const k of new Set(kinds)) {
      if (k === 'committee') rng.sample(doneMonths, rng.int(2, 3)).forEach((m) => skip.committee.add(m));
      else rng.sample(doneQuarters, 1).forEach((q) => skip[k].add(q));
    }
  }
  if (has('missingThemeDay')) rng.sample(doneMonths, rng.int(1, 3)).forEach((m) => skip.theme.add(m));

  for (let q = 1; q <= Math.ceil(lastMonth / 3); q++) {
    const months = [q * 3 - 2, q * 3 - 1, q * 3].filter((m) => m <= lastMonth);
    if (!skip.general.has(q)) add('general_meeting', meetingDay(rng, year, rng.pick(months), end), headcount);
    if (!skip.general.has(q) && rng.chance(0.2)) add('general_meeting', meetingDay(rng, year, rng.pick(months), end), headcount);
    if (!skip.lecture.has(q)) add('party_lecture', meetingDay(rng, year, rng.pick(months), end), headcount);
  }
  for (let m = 1; m <= lastMonth; m++) {
    if (committeeSize >= 3 && !skip.committee.has(m)) add('committee_meeting', meetingDay(rng, year, m, end), committeeSize);
    if (!skip.theme.has(m)) add('theme_day', meetingDay(rng, year, m, end), headcount, MONTH_THEME[m]);
    br.groupIds.forEach((_, g) => {
      const topic = `${['第一', '第二', '第三'][g]}党小组：${rng.pick(MEETING_TOPICS.group_meeting)}`;
      add('group_meeting', meetingDay(rng, year, m, end), Math.ceil(n / br.groupIds.length), topic);
    });
  }
  // 组织生活会 and 民主评议: mostly early in the year (reviewing the year before), sometimes in Q4.
  const early = rng.chance(0.8) || lastMonth < 10;
  const lifeDate = early ? meetingDay(rng, year, rng.int(1, 3), end) : meetingDay(rng, year, rng.int(10, Math.min(12, lastMonth)), end);
  if (lifeDate) {
    const reviewed = early ? year - 1 : year;
    add('life_meeting', lifeDate, headcount, `${reviewed}年度组织生活会`);
    add('member_review', minDate(addDays(lifeDate, rng.int(0, 10)), addDays(end, -1)), headcount, `${reviewed}年度民主评议党员`);
  }
  const span = dayNumber(end) - dayNumber(ymd(year, 1, 1));
  for (let i = rng.int(2, 5); i > 0; i--) {
    add('heart_talk', fromDayNumber(dayNumber(ymd(year, 1, 1)) + rng.int(0, span - 1)), rng.int(1, Math.max(1, Math.min(6, n))));
  }
  return out;
}

/** A day 3–18 of the month, or before `end` when the month is the as-of month; null if no room. */
function meetingDay(rng: Rng, year: number, month: number, end: string): string | null {
  let hi = Math.min(18, daysInMonth(year, month));
  if (ymd(year, month, 1) > end) return null;
  if (end.slice(0, 7) === ymd(year, month, 1).slice(0, 7)) hi = Math.min(hi, Number(end.slice(8, 10)) - 1);
  if (hi < 1) return null;
  return ymd(year, month, rng.int(Math.min(3, hi), hi));
}

/** Sound branches: at least 80% present (rounded up); seeded ones: below 80%. */
function attend(rng: Rng, expected: number, low: boolean): number {
  const threshold = Math.ceil((4 * expected) / 5);
  if (low) return Math.max(0, Math.min(threshold - 1, Math.floor(expected * rng.real(0.5, 0.76))));
  return Math.max(threshold, Math.min(expected, Math.round(expected * rng.real(0.82, 1.0))));
}
