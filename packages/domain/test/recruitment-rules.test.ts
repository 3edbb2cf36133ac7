import { describe, expect, it } from 'vitest';
import type { RecruitStage } from '../src/enums.js';
import {
  addYears, applicationAgeProblem, checkAdvance, earliestAdvanceDate, timelineProblems, type RecruitTimeline,
} from '../src/recruitment-rules.js';

const TODAY = '2026-11-20';

/** An entry at `stage`, each stage reached on the date given (later stages null). */
function at(stage: RecruitStage, dates: Partial<RecruitTimeline> = {}): RecruitTimeline {
  return {
    stage, status: 'active', birthDate: '1995-06-01',
    applicationDate: '2023-01-10', activistDate: null, candidateDate: null, probationaryDate: null, fullDate: null,
    ...dates,
  };
}

const activist = at('activist', { activistDate: '2025-03-05' });
const candidate = at('candidate', { activistDate: '2024-03-01', candidateDate: '2025-04-01' });
const probationary = at('probationary', { activistDate: '2023-03-01', candidateDate: '2024-03-15', probationaryDate: '2025-06-30' });

describe('addYears (民法典第二百零二条: the corresponding day, or the month end)', () => {
  it.each([
    ['2025-03-05', 1, '2026-03-05'],
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-03-01', 1, '2024-03-01'],
    ['2008-02-29', 18, '2026-02-28'],
  ])('%s + %i year(s) = %s', (date, n, expected) => {
    expect(addYears(date, n)).toBe(expected);
  });
});

describe('checkAdvance: one stage forward, on a date the 细则 allows', () => {
  it.each<[string, RecruitTimeline, RecruitStage, string]>([
    ['activist on the day of the application', at('applicant'), 'activist', '2023-01-10'],
    ['candidate exactly one year after becoming activist', activist, 'candidate', '2026-03-05'],
    ['candidate one year after a 29 February (month end 28 Feb)', at('activist', { activistDate: '2024-02-29' }), 'candidate', '2025-02-28'],
    ['probationary on the day of becoming candidate', candidate, 'probationary', '2025-04-01'],
    ['probationary on the 18th birthday of a 29 February child', at('candidate', { birthDate: '2008-02-29', applicationDate: '2026-02-01', candidateDate: '2026-02-01' }), 'probationary', '2026-02-28'],
    ['full exactly one year after admission', probationary, 'full', '2026-06-30'],
    ['full one year after admission on 29 February', at('probationary', { probationaryDate: '2024-02-29' }), 'full', '2025-02-28'],
    ['a step dated today', activist, 'candidate', TODAY],
  ])('accepts %s', (_name, r, to, date) => {
    expect(checkAdvance(r, to, date, TODAY)).toBeNull();
  });

  it.each<[string, RecruitTimeline, RecruitStage, string, string, string]>([
    ['activist before the application', at('applicant'), 'activist', '2023-01-09', 'date', '不能早于递交入党申请的日期（2023年1月10日）'],
    ['candidate one year minus a day after becoming activist', activist, 'candidate', '2026-03-04', 'date', '确定为发展对象须在列为入党积极分子满一年后（最早 2026年3月5日）'],
    ['candidate on 27 February after activist on 29 February', at('activist', { activistDate: '2024-02-29' }), 'candidate', '2025-02-27', 'date', '最早 2025年2月28日'],
    ['candidate on 29 February, a day short of a year from 1 March', at('activist', { activistDate: '2023-03-01' }), 'candidate', '2024-02-29', 'date', '最早 2024年3月1日'],
    ['probationary before becoming candidate', candidate, 'probationary', '2025-03-31', 'date', '不能早于确定为发展对象的日期（2025年4月1日）'],
    ['probationary under eighteen', at('candidate', { birthDate: '2008-02-29', applicationDate: '2026-02-01', candidateDate: '2026-02-01' }), 'probationary', '2026-02-27', 'date', '须年满十八周岁（最早 2026年2月28日）'],
    ['full one year minus a day after admission', probationary, 'full', '2026-06-29', 'date', '转为正式党员须在一年预备期满后（最早 2026年6月30日）'],
    ['full on 27 February after admission on 29 February', at('probationary', { probationaryDate: '2024-02-29' }), 'full', '2025-02-27', 'date', '最早 2025年2月28日'],
    ['a date in the future', at('applicant'), 'activist', '2026-11-21', 'date', '日期不能晚于今天'],
    ['skipping 发展对象', activist, 'probationary', '2026-06-01', 'toStage', '不能跳过「发展对象」阶段'],
    ['skipping from applicant to full', at('applicant'), 'full', '2026-06-01', 'toStage', '下一步只能是「入党积极分子」'],
    ['going back to activist', candidate, 'activist', '2026-06-01', 'toStage', '不能退回「入党积极分子」'],
    ['staying on the same stage', candidate, 'candidate', '2026-06-01', 'toStage', '当前已处于「发展对象」阶段'],
    ['moving past 正式党员', at('full', { fullDate: '2025-01-01' }), 'full', '2026-06-01', 'toStage', '发展流程已经完成'],
    ['a stopped entry', { ...activist, status: 'stopped' }, 'candidate', '2026-06-01', 'toStage', '已终止'],
  ])('refuses %s', (_name, r, to, date, field, message) => {
    const problem = checkAdvance(r, to, date, TODAY);
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(message);
  });
});

describe('earliestAdvanceDate: what the form shows before the user picks a date', () => {
  it('is the later of the previous stage and the one-year rule', () => {
    expect(earliestAdvanceDate(activist)).toBe('2026-03-05');
    expect(earliestAdvanceDate(candidate)).toBe('2025-04-01');
    expect(earliestAdvanceDate(probationary)).toBe('2026-06-30');
  });

  it('is the 18th birthday when that comes after the candidate date', () => {
    expect(earliestAdvanceDate(at('candidate', { birthDate: '2008-02-29', candidateDate: '2026-01-05' }))).toBe('2026-02-28');
  });

  it('is null once the pipeline is finished or stopped', () => {
    expect(earliestAdvanceDate(at('full', { fullDate: '2025-01-01' }))).toBeNull();
    expect(earliestAdvanceDate({ ...activist, status: 'stopped' })).toBeNull();
  });
});

describe('application age and edits of a running entry (细则第四条: 年满十八岁)', () => {
  it('accepts an application on the 18th birthday and refuses one the day before', () => {
    expect(applicationAgeProblem('2008-03-05', '2026-03-05')).toBeNull();
    expect(applicationAgeProblem('2008-03-05', '2026-03-04')?.message).toContain('最早 2026年3月5日');
    expect(applicationAgeProblem('2008-03-05', '2026-03-04')?.field).toBe('birthDate');
  });

  it('refuses moving the application after the activist date', () => {
    const problems = timelineProblems({ ...activist, applicationDate: '2025-03-06' });
    expect(problems).toEqual([{ field: 'applicationDate', message: expect.stringContaining('不能晚于列为入党积极分子的日期（2025年3月5日）') }]);
    expect(timelineProblems({ ...activist, applicationDate: '2025-03-05' })).toEqual([]);
  });
});
