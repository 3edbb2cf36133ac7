import { addYears } from './recruitment-rules.js';

/**
 * A person's name as the 公民身份证 and the 全国党员管理信息系统 write it:
 * Chinese characters, Latin letters (a foreign-born member's name), the
 * 间隔号 "·" of names such as 阿依古丽·买买提, and single spaces between
 * words. Anything else (digits, quotes, brackets, markup) is not a name.
 */
const NAME_CHARS = '\\p{Script=Han}A-Za-z·•・‧';
const PERSON_NAME = new RegExp(`^[${NAME_CHARS}]+(?: [${NAME_CHARS}]+)*$`, 'u');

export const NAME_MIN = 2;
export const NAME_MAX = 20;

/** Why `name` (already trimmed) is not a person's name, or null; length is checked separately. */
export function personNameProblem(name: string): string | null {
  if (name.length < NAME_MIN || name.length > NAME_MAX) return null;
  if (/\s{2,}|[\t\n\r]/.test(name)) return '姓名中只能有单个空格';
  if (!PERSON_NAME.test(name)) return '姓名只能由汉字、字母、间隔号“·”和空格组成';
  return null;
}

/**
 * 《中国共产党章程》第七条：预备党员的预备期为一年……预备期满……可以延长
 * 预备期，但不能超过一年。So 转正 comes no earlier than one year after 入党
 * (the day the 支部大会 admitted the member), and nobody stays 预备党员 beyond
 * two years.
 */
export const PROBATION_SOURCE = '《中国共产党章程》第七条';

/** The first day a member admitted on `joinDate` may become a full member. */
export const earliestFullDate = (joinDate: string) => addYears(joinDate, 1);

/**
 * Where a 预备党员 admitted on `joinDate` stands on `asOf`: within the year,
 * `due` (the year is over: 转正 or an extension is to be decided — flagged),
 * or `overdue` (past the longest possible extension: the record is wrong).
 */
export function probationState(joinDate: string, asOf: string): 'within' | 'due' | 'overdue' {
  if (asOf >= addYears(joinDate, 2)) return 'overdue';
  return asOf >= addYears(joinDate, 1) ? 'due' : 'within';
}

export const PROBATION_DUE_MESSAGE = `预备期已满一年仍未转正，请及时讨论其转正或延长预备期（${PROBATION_SOURCE}）`;
export const PROBATION_OVERDUE_MESSAGE =
  `预备党员入党已满两年仍未转正：预备期一年，延长最多一年（${PROBATION_SOURCE}），请核对人员类别或填写转为正式党员日期`;
export const FULL_DATE_TOO_EARLY_MESSAGE = `转为正式党员日期应在入党日期满一年之后（预备期为一年，${PROBATION_SOURCE}）`;
