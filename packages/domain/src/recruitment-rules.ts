import { RECRUIT_STAGES, type RecruitStage, type RecruitStatus } from './enums.js';
import { RECRUIT_STAGE_LABELS } from './labels.js';

/**
 * The stage rules of the 发展党员 pipeline, pure so the API refuses and the web
 * form explains with the same words. Sources:
 * - 《中国共产党章程》第一条、《中国共产党发展党员工作细则》（2014）第四条：年满十八岁方可申请入党;
 * - 细则第二章：党组织收到入党申请书后一个月内派人谈话 — a duty of the branch, not a bar on dates;
 * - 细则第十三条：经过一年以上培养教育和考察的入党积极分子，方可列为发展对象;
 * - 党章第七条、细则第六章：预备期为一年，从支部大会通过其为预备党员之日算起.
 */

/** Where the date each stage was reached is kept. */
export const STAGE_DATE_FIELDS = {
  applicant: 'applicationDate',
  activist: 'activistDate',
  candidate: 'candidateDate',
  probationary: 'probationaryDate',
  full: 'fullDate',
} as const satisfies Record<RecruitStage, string>;

export const MIN_APPLICATION_AGE = 18;

/** The facts the rules look at: a pipeline entry's stage, status and dates (YYYY-MM-DD). */
export interface RecruitTimeline {
  stage: RecruitStage;
  status: RecruitStatus;
  birthDate: string;
  applicationDate: string;
  activistDate: string | null;
  candidateDate: string | null;
  probationaryDate: string | null;
  fullDate: string | null;
}

export interface RuleProblem {
  field: string;
  message: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** '2026-03-05' → '2026年3月5日' */
export function formatDateZh(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/**
 * The same month and day `years` later; when that day does not exist (29 February)
 * the month's last day — 《民法典》第二百零二条：没有对应日的，月末日为期间的最后一日.
 * A period of one year is complete on this date, so a step that needs "满一年"
 * may be taken on it (activist on 2025-03-05 → 发展对象 from 2026-03-05).
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${pad(m)}-${pad(Math.min(d, lastDay))}`;
}

/** The first day on which someone born on `birthDate` is 年满十八周岁. */
export const adultFrom = (birthDate: string) => addYears(birthDate, MIN_APPLICATION_AGE);

export function nextStage(stage: RecruitStage): RecruitStage | null {
  return RECRUIT_STAGES[RECRUIT_STAGES.indexOf(stage) + 1] ?? null;
}

const label = (s: RecruitStage) => `「${RECRUIT_STAGE_LABELS[s]}」`;

interface Floor { date: string; message: string }

/** The dates a move to `to` may not precede, each with the sentence that explains it. */
function floorsFor(r: RecruitTimeline, to: RecruitStage): Floor[] {
  const previous = (stage: RecruitStage) => r[STAGE_DATE_FIELDS[stage]] ?? r.applicationDate;
  switch (to) {
    case 'activist':
      return [{ date: r.applicationDate, message: `列为入党积极分子的日期不能早于递交入党申请的日期（${formatDateZh(r.applicationDate)}）` }];
    case 'candidate': {
      const earliest = addYears(previous('activist'), 1);
      return [{ date: earliest, message: `确定为发展对象须在列为入党积极分子满一年后（最早 ${formatDateZh(earliest)}）` }];
    }
    case 'probationary': {
      const candidate = previous('candidate');
      const adult = adultFrom(r.birthDate);
      return [
        { date: candidate, message: `接收为预备党员的日期不能早于确定为发展对象的日期（${formatDateZh(candidate)}）` },
        { date: adult, message: `接收为预备党员时须年满十八周岁（最早 ${formatDateZh(adult)}）` },
      ];
    }
    case 'full': {
      const earliest = addYears(previous('probationary'), 1);
      return [{ date: earliest, message: `转为正式党员须在一年预备期满后（最早 ${formatDateZh(earliest)}）` }];
    }
    default:
      return [];
  }
}

/**
 * Why `r` may not move to `to` on `date` (null when it may). `today` is passed in
 * so the rule stays pure; callers give the date in China (todayIso()).
 */
export function checkAdvance(r: RecruitTimeline, to: RecruitStage, date: string, today: string): RuleProblem | null {
  if (r.status === 'stopped') return { field: 'toStage', message: '该发展记录已终止，不能继续推进' };
  const next = nextStage(r.stage);
  if (!next) return { field: 'toStage', message: '已转为正式党员，发展流程已经完成' };
  const from = RECRUIT_STAGES.indexOf(r.stage);
  const target = RECRUIT_STAGES.indexOf(to);
  if (target === from) return { field: 'toStage', message: `当前已处于${label(r.stage)}阶段` };
  if (target < from) return { field: 'toStage', message: `当前已处于${label(r.stage)}阶段，不能退回${label(to)}` };
  if (target > from + 1) {
    return { field: 'toStage', message: `不能跳过${label(next)}阶段：当前为${label(r.stage)}，下一步只能是${label(next)}` };
  }
  if (date > today) return { field: 'date', message: '日期不能晚于今天' };
  const broken = floorsFor(r, to).find((f) => date < f.date);
  return broken ? { field: 'date', message: broken.message } : null;
}

/** The earliest date the next step may carry (ignoring today), or null when there is no next step. */
export function earliestAdvanceDate(r: RecruitTimeline): string | null {
  const next = nextStage(r.stage);
  if (!next || r.status === 'stopped') return null;
  return floorsFor(r, next).reduce((max, f) => (f.date > max ? f.date : max), '0000-00-00');
}

/** 年满十八岁 when applying (党章第一条；细则第四条). */
export function applicationAgeProblem(birthDate: string, applicationDate: string): RuleProblem | null {
  const adult = adultFrom(birthDate);
  if (applicationDate >= adult) return null;
  return { field: 'birthDate', message: `递交入党申请时须年满十八周岁（按此出生日期，最早 ${formatDateZh(adult)} 可以申请）` };
}

/**
 * Problems with an edit of the personal fields of an entry already under way:
 * the applicant must still have been 18 when applying, and the application
 * cannot move after the stage that followed it.
 */
export function timelineProblems(r: RecruitTimeline): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const age = applicationAgeProblem(r.birthDate, r.applicationDate);
  if (age) problems.push(age);
  if (r.activistDate && r.applicationDate > r.activistDate) {
    problems.push({ field: 'applicationDate', message: `入党申请日期不能晚于列为入党积极分子的日期（${formatDateZh(r.activistDate)}）` });
  }
  return problems;
}
