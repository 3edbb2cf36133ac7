import { describe, expect, it } from 'vitest';
import { codeOfWord, earliestFullDate, nationalWord, personNameProblem, probationState } from '../src/index.js';
import { MemberInputSchema } from '../src/schemas/index.js';

describe('a person\'s name', () => {
  it.each(['张三', '阿依古丽·买买提', 'Anna Li', '欧阳 娜娜', '李 Anna'])('accepts %s', (name) => {
    expect(personNameProblem(name)).toBeNull();
  });
  it.each(["Bob');--", '<b>张三</b>', '张三1', '王_五', '张  三', '"李四"', '赵六;'])('refuses %s', (name) => {
    expect(personNameProblem(name)).not.toBeNull();
  });
});

describe('预备期 (党章第七条)', () => {
  it('is a year, extendable by at most one more', () => {
    expect(probationState('2024-07-01', '2025-06-30')).toBe('within');
    expect(probationState('2024-07-01', '2025-07-01')).toBe('due');
    expect(probationState('2024-07-01', '2026-06-30')).toBe('due');
    expect(probationState('2024-07-01', '2026-07-01')).toBe('overdue');
  });
  it('ends no earlier than one year after 入党, 29 February included', () => {
    expect(earliestFullDate('2015-03-01')).toBe('2016-03-01');
    expect(earliestFullDate('2016-02-29')).toBe('2017-02-28');
  });
  it('is enforced by the member schema the form and the roster share', () => {
    const base = {
      name: '王晓红', gender: 'female', ethnicity: '汉族', birthDate: '1990-05-12', education: 'bachelor', idNumber: '11010119900512002X',
      joinDate: '2015-06-30', category: 'full', employment: 'in_service',
    };
    const issues = (over: object) => {
      const r = MemberInputSchema.safeParse({ ...base, ...over });
      return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    };
    expect(issues({ fullDate: '2015-07-30' }).join()).toContain('fullDate:转为正式党员日期应在入党日期满一年之后');
    expect(issues({ fullDate: '2016-06-30' }).filter((m) => m.startsWith('fullDate'))).toEqual([]);
    expect(issues({ category: 'probationary', joinDate: '2020-01-01' }).join()).toContain('category:预备党员入党已满两年仍未转正');
  });
});

describe('the national vocabulary', () => {
  it('reads the national system\'s words and writes them back', () => {
    const words: [Parameters<typeof codeOfWord>[0], string, string][] = [
      ['jobCategory', '医技人员', 'technician'], ['jobCategory', '药剂人员', 'pharmacist'], ['jobCategory', '工勤技能人员', 'logistics'],
      ['jobCategory', '管理人员', 'management'], ['education', '研究生', 'postgraduate_master'], ['education', '中专', 'secondary'],
      ['partyStanding', '停止党籍', 'suspended'], ['gender', '女性', 'female'], ['jobCategory', '护', 'nurse'],
    ];
    for (const [field, word, code] of words) expect(codeOfWord(field, word), word).toBe(code);
    expect(codeOfWord('jobCategory', '保安员')).toBeUndefined();
    expect(codeOfWord('jobCategory', 'toString')).toBeUndefined();
    expect(nationalWord('jobCategory', 'technician')).toBe('医技人员');
    expect(nationalWord('partyStanding', 'suspended')).toBe('停止党籍');
  });
});
