import { earliestAdvanceDate, type RecruitTimeline } from '../recruitment-rules.js';
import { addMonths, fmtYmd } from './dates.js';
import type { TodoItem, TodoRecruit } from './todo-types.js';

/**
 * 发展党员 待办, from the pipeline's own stage rules (recruitment-rules.ts):
 * - 预备党员: 预备期 ends one year after admission (党章第七条); from
 *   LOOKAHEAD_DAYS before that day the branch should prepare the 转正
 *   discussion, and after it the discussion is overdue (细则: 预备期满，党支部
 *   应当及时讨论其能否转为正式党员).
 * - 入党积极分子: 党支部每半年进行一次考察 — due on each half-year mark after
 *   the activist date, shown from LOOKAHEAD_DAYS before it. The platform keeps
 *   no record of a 考察 held, so the item is a reminder that lasts until the mark.
 * - 入党积极分子 one year on (细则: 经过一年以上培养教育和考察): the earliest day
 *   to list them as 发展对象 has come.
 */
export const LOOKAHEAD_DAYS = 30;

const RECRUIT_RULE = '《中国共产党发展党员工作细则》（2014年）';

export function addDays(date: string, n: number): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function timeline(r: TodoRecruit): RecruitTimeline {
  // The birth date only bounds 接收预备党员 (年满十八岁), which these items do not look at.
  return { ...r, birthDate: r.birthDate ?? '1900-01-01' };
}

const who = (r: TodoRecruit, role: string) => (r.name ? `${role}${r.name}` : `1名${role}`);
const ref = (r: TodoRecruit, i: number) => (r.id !== undefined ? String(r.id) : `#${i}`);

export function recruitTodos(orgId: number, recruits: TodoRecruit[], asOf: string): TodoItem[] {
  const horizon = addDays(asOf, LOOKAHEAD_DAYS);
  const items: TodoItem[] = [];
  recruits.forEach((r, i) => {
    if (r.status !== 'active') return;
    const base = { orgId, gapCode: null, status: 'due' as const };
    if (r.stage === 'probationary' && r.probationaryDate) {
      const ends = earliestAdvanceDate(timeline(r));
      if (ends && ends <= horizon) {
        const passed = ends < asOf;
        items.push({
          ...base, key: `probation:${orgId}:${ref(r, i)}`, kind: 'probation_due',
          title: `讨论${who(r, '预备党员')}能否按期转正`,
          detail: passed ? `预备期已于${fmtYmd(ends)}届满，应及时召开支部党员大会讨论其转正` : `预备期将于${fmtYmd(ends)}届满，应做好转正讨论准备`,
          dueDate: ends, status: passed ? 'overdue' : 'due',
          rule: `${RECRUIT_RULE}：预备党员预备期满，党支部应当及时讨论其能否转为正式党员`,
          target: { form: 'recruit', orgId, recruitId: r.id ?? null, toStage: 'full', date: passed ? asOf : ends },
        });
      }
    }
    if (r.stage === 'activist' && r.activistDate) {
      const candidateFrom = earliestAdvanceDate(timeline(r));
      if (candidateFrom && candidateFrom <= asOf) {
        items.push({
          ...base, key: `recruit-step:${orgId}:${ref(r, i)}`, kind: 'recruit_step',
          title: `研究${who(r, '入党积极分子')}能否列为发展对象`,
          detail: `已于${fmtYmd(candidateFrom)}满一年培养考察期，可经支委会讨论列为发展对象`,
          dueDate: candidateFrom,
          rule: `${RECRUIT_RULE}：经过一年以上培养教育和考察、基本具备党员条件的入党积极分子，可列为发展对象`,
          target: { form: 'recruit', orgId, recruitId: r.id ?? null, toStage: 'candidate', date: asOf },
        });
      }
      const mark = nextHalfYearMark(r.activistDate, asOf);
      if (mark <= horizon) {
        items.push({
          ...base, key: `activist-review:${orgId}:${ref(r, i)}:${mark}`, kind: 'activist_review',
          title: `对${who(r, '入党积极分子')}进行半年考察`,
          detail: `列为入党积极分子于${fmtYmd(r.activistDate)}，本次半年考察应于${fmtYmd(mark)}前完成`,
          dueDate: mark,
          rule: `${RECRUIT_RULE}：党支部每半年对入党积极分子进行一次考察`,
          target: { form: 'recruit', orgId, recruitId: r.id ?? null, toStage: null, date: asOf },
        });
      }
    }
  });
  return items;
}

/** The first half-year mark after `from` that is on or after `asOf` (6, 12, 18 … months on). */
export function nextHalfYearMark(from: string, asOf: string): string {
  let k = 1;
  while (addMonths(from, 6 * k) < asOf) k++;
  return addMonths(from, 6 * k);
}
