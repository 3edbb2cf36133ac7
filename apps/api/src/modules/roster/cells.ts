import { acceptedWords, codeOfWord, nationalWord, type VocabularyField } from '@wj/domain';
import { ETHNICITIES, type RosterColumn } from '@wj/domain/schemas';

/**
 * The template's example row's 公民身份号码 is the sample printed in GB 11643-1999 itself;
 * a row carrying it is skipped on import, so a template uploaded with the
 * example still in place imports only the real rows.
 */
export const TEMPLATE_EXAMPLE_ID = '11010519491231002X';

/** A cell reduced to what the roster cares about (the worker flattens exceljs' shapes to this). */
export type Raw = string | number | boolean | Date | { error: string } | null;

const VOCABULARY = new Set<string>(['gender', 'education', 'category', 'jobCategory', 'employment', 'titleLevel', 'partyStanding']);
const isVocabulary = (field: string): field is VocabularyField => VOCABULARY.has(field);

/** The words a choice column accepts, as the template's drop-down and a row's problem name them. */
export const choiceLabels = (col: RosterColumn) => (isVocabulary(col.field) ? [...acceptedWords(col.field)] : []);

/** 2020-01-05, 2020/1/5, 2020.01.05 — one separator throughout; anything else is refused. */
const TEXT_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;

function isoFromParts(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export type Parsed = { value: unknown } | { problem: string };

/** One cell → the value the member schema expects (undefined = blank), or the reason it cannot be read. */
export function parseCell(col: RosterColumn, raw: Raw): Parsed {
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) return { problem: `${col.header}单元格是错误值（${raw.error}）` };
  if (col.kind === 'date') {
    if (raw === null) return { value: undefined };
    // exceljs reads a date cell as the UTC midnight of that calendar day.
    if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { problem: `${col.header}不是有效日期` } : { value: raw.toISOString().slice(0, 10) };
    const m = typeof raw === 'string' ? TEXT_DATE.exec(raw) : null;
    if (!m) return { problem: `${col.header}无法识别，请填写日期（如 2020-01-05、2020/1/5 或 2020.01.05）` };
    const iso = isoFromParts(Number(m[1]), Number(m[3]), Number(m[4]));
    return iso ? { value: iso } : { problem: `${col.header}不是有效日期（${raw}）` };
  }
  if (raw instanceof Date || typeof raw === 'boolean') return { problem: `${col.header}应填写文字` };
  if (col.field === 'idNumber' && typeof raw === 'number') {
    return { problem: '公民身份号码被存成了数字（会丢失末几位），请将该列设为文本格式后重新填写' };
  }
  const text = raw === null ? null : typeof raw === 'number' ? String(raw) : raw;
  if (text === null) return { value: undefined };
  if (col.kind === 'flag') {
    if (text === '否') return { value: false };
    return text === '是' ? { value: true } : { problem: `${col.header}应填写 是 或 否（“${text}”无法识别）` };
  }
  if (col.kind === 'choice' && isVocabulary(col.field)) {
    const code = codeOfWord(col.field, text);
    return code !== undefined ? { value: code } : { problem: `${col.header}“${text}”无法识别，应为 ${choiceLabels(col).join(' / ')} 之一` };
  }
  // 民族 is often written without 族 (汉, 回); the national system stores the full name.
  if (col.field === 'ethnicity') {
    const name = text.replace(/\s+/g, '');
    const known = (ETHNICITIES as readonly string[]);
    if (known.includes(name)) return { value: name };
    if (known.includes(`${name}族`)) return { value: `${name}族` };
    return { problem: `民族“${text}”无法识别，应为 56 个民族之一（如 汉族、回族）` };
  }
  return { value: text };
}

/** A stored value → what the roster cell shows (the national words, 是/否, real dates). */
export function cellOf(col: RosterColumn, value: unknown): string | Date | null {
  if (value === null || value === undefined) return null;
  if (col.kind === 'date') {
    const [y, m, d] = String(value).split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  if (col.kind === 'flag') return value ? '是' : '否';
  if (col.kind === 'choice' && isVocabulary(col.field)) return nationalWord(col.field, String(value));
  return String(value);
}
