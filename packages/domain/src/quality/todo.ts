import { MEETING_TYPE_LABELS } from '../labels.js';
import { INDICATOR_BY_CODE, type IndicatorCode } from './catalogue.js';
import { addYears, fmtYmd, monthEnd } from './dates.js';
import type { UnitFacts } from './facts.js';
import { judgedPeriods } from './periods.js';
import type { RuleSet } from './rules.js';
import { scoreBranch } from './score.js';
import { meetingTodos } from './todo-meetings.js';
import { addDays, LOOKAHEAD_DAYS, recruitTodos } from './todo-recruits.js';
import type { TodoBranchFacts, TodoItem, TodoOptions, TodoTarget } from './todo-types.js';
import type { Gap } from './types.js';
import { scoreUnit } from './unit.js';

export type * from './todo-types.js';
export { TODO_KINDS } from './todo-types.js';
export { LOOKAHEAD_DAYS, nextHalfYearMark } from './todo-recruits.js';
export * from './todo-schema.js';

/**
 * The 待办 of a branch (DESIGN.md, "The quality model": "the same rules also
 * say what falls due next"). Takes what the score takes — the facts, the rule
 * set and an as-of date — and scores the branch itself, so that every item
 * backed by an indicator comes from that indicator's own gap or from the
 * score's own period model: record the meeting or elect the committee and
 * the item and the gap go together.
 */
export function branchTodos(facts: TodoBranchFacts, rules: RuleSet, opts: TodoOptions): TodoItem[] {
  const { asOf } = opts;
  const year = Number(asOf.slice(0, 4));
  const score = scoreBranch(facts, rules, { year, asOf });
  const gap = (code: IndicatorCode) => (rules.indicators[code].enabled ? score.gaps.find((g) => g.code === code) : undefined);
  const fullCount = facts.members.filter((m) => m.category === 'full').length;
  const orgId = facts.orgId;

  const items: TodoItem[] = [
    ...meetingTodos(facts, rules, asOf, score.gaps, fullCount),
    ...returnedTodos(facts, asOf),
    ...recruitTodos(orgId, facts.recruits, asOf),
    ...projectTodos(facts, rules, asOf, gap('secretary_project')),
  ];

  const term = gap('committee_term');
  if (term) {
    const c = facts.committee;
    const ends = c ? addYears(c.electedDate, Math.min(c.termYears, rules.params.termYears)) : asOf;
    items.push(fromGap(term, orgId, 'election', c ? '做好支部委员会换届选举' : '选举产生支部委员会（书记）', ends, asOf, { form: 'committee', orgId }));
  }
  const study = gap('study_hours');
  if (study) {
    const last = judgedPeriods(12, year, asOf, facts.foundedDate).at(-1);
    items.push(fromGap(study, orgId, 'study_hours', '督促党员补足学习学时', last?.end ?? asOf, asOf, { form: 'members', orgId, filter: 'study' }));
  }
  const roster = gap('roster_complete');
  if (roster) items.push(fromGap(roster, orgId, 'roster', '补全党员花名册信息', asOf, asOf, { form: 'members', orgId, filter: 'incomplete' }));
  return sortTodos(items);
}

/**
 * A unit's own 待办 (责任落实: 年度党建工作计划, 专职党务干部, 主体责任清单),
 * from the unit score's gaps. Its branches' items are the branches' own
 * (branchTodos), listed beside these by the caller.
 */
export function unitTodos(facts: UnitFacts, rules: RuleSet, opts: TodoOptions): TodoItem[] {
  const { asOf } = opts;
  const year = Number(asOf.slice(0, 4));
  const score = scoreUnit(facts, [], rules, { year, asOf });
  const gap = (code: IndicatorCode) => (rules.indicators[code].enabled ? score.gaps.find((g) => g.code === code) : undefined);
  const orgId = facts.orgId;
  const items: TodoItem[] = [];
  const plan = gap('unit_plan');
  if (plan && !facts.plan) {
    items.push(fromGap(plan, orgId, 'unit_plan', `提交${year}年度党建工作计划`, monthEnd(year, rules.params.planDueMonth), asOf, { form: 'unit_plan', orgId }));
  }
  const worker = gap('unit_full_time_worker');
  if (worker) items.push(fromGap(worker, orgId, 'unit_worker', '配齐专职党务干部', asOf, asOf, { form: 'party_workers', orgId }));
  const resp = gap('unit_responsibility');
  if (resp) items.push(fromGap(resp, orgId, 'unit_responsibility', '推进主体责任清单落实', monthEnd(year, Number(asOf.slice(5, 7))), asOf, { form: 'responsibility', orgId }));
  return sortTodos(items);
}

/** Overdue first, then by due date; the key keeps the order stable. */
export function sortTodos(items: TodoItem[]): TodoItem[] {
  return [...items].sort((a, b) => (a.status === b.status ? a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key) : a.status === 'overdue' ? -1 : 1));
}

function fromGap(g: Gap, orgId: number, kind: TodoItem['kind'], title: string, dueDate: string, asOf: string, target: TodoTarget): TodoItem {
  return {
    key: `${kind}:${orgId}`, kind, orgId, title, detail: g.message, dueDate,
    status: dueDate < asOf ? 'overdue' : 'due', rule: g.source, gapCode: g.code, target,
  };
}

function returnedTodos(facts: TodoBranchFacts, asOf: string): TodoItem[] {
  return (facts.returnedMeetings ?? []).map((m) => ({
    key: `returned:${facts.orgId}:${m.id}`, kind: 'meeting_returned' as const, orgId: facts.orgId,
    title: `修改被退回的${MEETING_TYPE_LABELS[m.type]}记录（${fmtYmd(m.date)}）`,
    detail: `退回原因：${m.reason}。修改后重新计入组织生活`,
    dueDate: asOf, status: 'due' as const,
    rule: m.type in INDICATOR_BY_CODE ? INDICATOR_BY_CODE[m.type as IndicatorCode].source : '单位党组织审核组织生活记录',
    gapCode: m.type in INDICATOR_BY_CODE ? (m.type as IndicatorCode) : null,
    target: { form: 'meeting_edit' as const, orgId: facts.orgId, meetingId: m.id },
  }));
}

/**
 * 书记项目: milestones not done that are overdue (the score's amber or red gap)
 * or due within the look-ahead window; a year without a live project once the
 * setup month is over is the score's own gap.
 */
function projectTodos(facts: TodoBranchFacts, rules: RuleSet, asOf: string, g: Gap | undefined): TodoItem[] {
  const year = Number(asOf.slice(0, 4));
  const horizon = addDays(asOf, LOOKAHEAD_DAYS);
  const orgId = facts.orgId;
  const live = facts.projects.filter((p) => p.year === year && p.status !== 'abandoned' && p.status !== 'completed');
  const items: TodoItem[] = [];
  for (const p of live) {
    for (const m of p.milestones) {
      if ((m.doneDate !== null && m.doneDate <= asOf) || m.dueDate > horizon) continue;
      const overdue = m.dueDate < asOf;
      items.push({
        key: `project:${orgId}:${p.title}:${m.title}`, kind: 'project', orgId,
        title: `推进书记项目“${p.title}”节点“${m.title}”`,
        detail: overdue ? `节点应于${fmtYmd(m.dueDate)}完成，已逾期` : `节点应于${fmtYmd(m.dueDate)}前完成`,
        dueDate: m.dueDate, status: overdue ? 'overdue' : 'due',
        rule: INDICATOR_BY_CODE.secretary_project.source,
        gapCode: overdue && g ? 'secretary_project' : null,
        target: { form: 'project', orgId },
      });
    }
  }
  if (g && !items.some((i) => i.gapCode === 'secretary_project')) {
    const deadline = monthEnd(year, rules.params.annualSetupDueMonth);
    items.push(fromGap(g, orgId, 'project', live.length ? '更新书记项目进度' : `确定${year}年书记项目`, live.length ? asOf : deadline, asOf, { form: 'project', orgId }));
  }
  if (!g && live.length === 0 && !facts.projects.some((p) => p.year === year && p.status === 'completed')) {
    // Before the setup deadline: an item exactly when the score would show the gap on that day.
    const deadline = monthEnd(year, rules.params.annualSetupDueMonth);
    const then = deadline >= asOf && rules.indicators.secretary_project.enabled
      ? scoreBranch(facts, rules, { year, asOf: deadline }).gaps.find((x) => x.code === 'secretary_project') : undefined;
    if (then) {
      items.push({
        key: `project:${orgId}`, kind: 'project', orgId, title: `确定${year}年书记项目`, detail: `${year}年书记项目应于${fmtYmd(deadline)}前确定`,
        dueDate: deadline, status: 'due', rule: then.source, gapCode: 'secretary_project', target: { form: 'project', orgId },
      });
    }
  }
  return items;
}
