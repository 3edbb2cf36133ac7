import { MEETING_TYPE_LABELS } from '../labels.js';
import { INDICATOR_BY_CODE } from './catalogue.js';
import { fmtYmd } from './dates.js';
import { JUDGED_MEETING_TYPES, MEETING_FREQUENCY_PARAMS, meetingNotDue, type JudgedMeetingType } from './meeting-kinds.js';
import { periodsOf, periodsPhrase, startsAfterFounding, type Period } from './periods.js';
import type { RuleSet } from './rules.js';
import type { Gap } from './types.js';
import type { TodoBranchFacts, TodoItem } from './todo-types.js';

/**
 * 组织生活 待办, period by period with the score's own period model
 * (periods.ts) and frequency table (meeting-kinds.ts): for each judged type,
 * the current period when it still lacks its meeting (due at the period's
 * end), and the past periods of the year that lack one (overdue — the score
 * already shows them as a gap). Yearly types (组织生活会, 民主评议党员) follow
 * the score's own reminder: an item exactly when the score has a gap for them
 * (from the fourth quarter, 一般安排在第四季度).
 */
export function meetingTodos(facts: TodoBranchFacts, rules: RuleSet, asOf: string, gaps: Gap[], fullCount: number): TodoItem[] {
  const year = Number(asOf.slice(0, 4));
  const items: TodoItem[] = [];
  for (const type of JUDGED_MEETING_TYPES) {
    if (!rules.indicators[type].enabled) continue;
    if (meetingNotDue(type, { fullCount, hasGroups: facts.hasGroups }, rules.params) !== null) continue;
    const perYear = rules.params[MEETING_FREQUENCY_PARAMS[type]];
    const periods = periodsOf(perYear, year);
    if (periods[0]!.months === 12) {
      const gap = gaps.find((g) => g.code === type);
      if (gap) items.push(item(facts.orgId, type, periods[0]!, asOf, gap.message));
      continue;
    }
    const dates = facts.meetings.filter((m) => m.type === type).map((m) => m.date);
    const held = (p: Period) => dates.filter((d) => d >= p.start && d <= p.end && d <= asOf && (facts.foundedDate === null || d >= facts.foundedDate)).length;
    const open = periods.filter((p) => p.start <= asOf && startsAfterFounding(p, facts.foundedDate) && held(p) < p.required);
    const current = open.find((p) => p.end >= asOf);
    const past = open.filter((p) => p.end < asOf);
    if (current) items.push(item(facts.orgId, type, current, asOf, null));
    if (past.length) {
      const phrase = periodsPhrase(past);
      items.push(item(facts.orgId, type, past.at(-1)!, asOf, `${year}年${phrase}未按期${verb(type)}${MEETING_TYPE_LABELS[type]}，如已${verb(type)}请补录`, phrase));
    }
  }
  return items;
}

function verb(type: JudgedMeetingType): string {
  return type === 'party_lecture' ? '组织' : type === 'theme_day' || type === 'member_review' ? '开展' : '召开';
}

/** `past`: the phrase naming the missed periods (the item is then overdue, dated by the last of them). */
function item(orgId: number, type: JudgedMeetingType, p: Period, asOf: string, detail: string | null, past: string | null = null): TodoItem {
  const label = MEETING_TYPE_LABELS[type];
  const periodName = p.months === 12 ? `${p.start.slice(0, 4)}年度` : p.label;
  const need = p.required > 1 ? `（本期应${verb(type)}${p.required}次）` : '';
  const title = past !== null ? `补录或补开${past}${label}` : `${verb(type)}${periodName}${label}`;
  return {
    key: `meeting:${orgId}:${type}:${past !== null ? 'past' : 'current'}:${p.start}`,
    kind: 'meeting',
    orgId,
    title,
    detail: detail ?? `${periodName}${label}尚未${verb(type)}${need}，应于${fmtYmd(p.end)}前${verb(type)}`,
    dueDate: p.end,
    status: p.end < asOf ? 'overdue' : 'due',
    rule: INDICATOR_BY_CODE[type].source,
    gapCode: type,
    // A record cannot carry a future date: the form opens on the period's last day, or today within it.
    target: { form: 'meeting', orgId, meetingType: type, date: p.end < asOf ? p.end : asOf },
  };
}
