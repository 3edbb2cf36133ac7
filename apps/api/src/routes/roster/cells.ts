import type { CellValue } from 'exceljs';
import {
  EDUCATION_LABELS, EMPLOYMENT_LABELS, GENDER_LABELS, JOB_CATEGORY_LABELS, MEMBER_CATEGORY_LABELS, TITLE_LEVEL_LABELS,
} from '@wj/domain';
import { ETHNICITIES, type RosterColumn, type RosterField } from '@wj/domain/schemas';

/** A cell reduced to what the roster cares about. */
export type Raw = string | number | boolean | Date | { error: string } | null;

/** Flattens exceljs' cell shapes (rich text, formulas, hyperlinks, shared strings) to one value. */
export function rawOf(v: CellValue): Raw {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if ('richText' in v) return rawOf(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return rawOf((v as { result?: CellValue }).result ?? null);
  if ('text' in v) return rawOf(v.text);
  if ('error' in v) return { error: String(v.error) };
  return null;
}

const invert = <T extends string>(labels: Record<T, string>) =>
  Object.fromEntries(Object.entries(labels).map(([code, label]) => [label, code])) as Record<string, T>;

/** Chinese labels → codes, with the spellings people actually type in a roster. */
const CHOICES: Partial<Record<RosterField, Record<string, string>>> = {
  gender: invert(GENDER_LABELS),
  education: {
    ...invert(EDUCATION_LABELS), 博士: 'postgraduate_doctor', 硕士: 'postgraduate_master', 研究生: 'postgraduate_master',
    本科: 'bachelor', 大学: 'bachelor', 大专: 'college', 专科: 'college', 中专: 'secondary', 高中: 'secondary', 中专及高中: 'secondary',
    技校: 'secondary', 初中: 'below', 小学: 'below',
  },
  category: { ...invert(MEMBER_CATEGORY_LABELS), 正式: 'full', 预备: 'probationary' },
  jobCategory: {
    ...invert(JOB_CATEGORY_LABELS), 医生: 'doctor', 医师: 'doctor', 护士: 'nurse', 护理: 'nurse', 医技: 'technician', 技师: 'technician',
    药师: 'pharmacist', 药剂: 'pharmacist', 行政: 'management', 行政管理: 'management', 工勤: 'logistics',
  },
  employment: { ...invert(EMPLOYMENT_LABELS), 离休: 'retired', 退休: 'retired' },
  titleLevel: { ...invert(TITLE_LEVEL_LABELS), 正高级: 'senior', 副高级: 'deputy_senior', 无职称: 'none' },
};

const LABELS: Partial<Record<RosterField, Record<string, string>>> = {
  gender: GENDER_LABELS, education: EDUCATION_LABELS, category: MEMBER_CATEGORY_LABELS, jobCategory: JOB_CATEGORY_LABELS,
  employment: EMPLOYMENT_LABELS, titleLevel: TITLE_LEVEL_LABELS,
};

/** The labels offered in the template's drop-down for a choice column. */
export const choiceLabels = (field: RosterField) => Object.values(LABELS[field] ?? {});

/** 2020-01-05, 2020/1/5, 2020.01.05 — one separator throughout; anything else is refused. */
const TEXT_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;

function isoFromParts(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export type Parsed = { value: unknown } | { problem: string };

/** One cell → the value the member schema expects, or the reason it cannot be read. */
export function parseCell(col: RosterColumn, raw: Raw): Parsed {
  if (raw !== null && typeof raw === 'object' && !(raw instanceof Date)) return { problem: `${col.header}单元格是错误值（${raw.error}）` };
  if (col.kind === 'date') {
    if (raw === null) return { value: null };
    // exceljs reads a date cell as the UTC midnight of that calendar day.
    if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { problem: `${col.header}不是有效日期` } : { value: raw.toISOString().slice(0, 10) };
    const m = typeof raw === 'string' ? TEXT_DATE.exec(raw) : null;
    if (!m) return { problem: `${col.header}无法识别，请填写日期（如 2020-01-05）` };
    const iso = isoFromParts(Number(m[1]), Number(m[3]), Number(m[4]));
    return iso ? { value: iso } : { problem: `${col.header}不是有效日期（${raw}）` };
  }
  if (raw instanceof Date || typeof raw === 'boolean') return { problem: `${col.header}应填写文字` };
  if (col.field === 'idNumber' && typeof raw === 'number') {
    return { problem: '公民身份号码被存成了数字（会丢失末几位），请将该列设为文本格式后重新填写' };
  }
  const text = raw === null ? null : typeof raw === 'number' ? String(raw) : raw;
  if (col.kind === 'flag') {
    if (text === null || text === '否') return { value: false };
    return text === '是' ? { value: true } : { problem: `${col.header}应填写 是 或 否` };
  }
  if (col.kind === 'choice') {
    if (text === null) return { value: undefined };
    const code = CHOICES[col.field]?.[text.replace(/\s+/g, '')];
    return code ? { value: code } : { problem: `${col.header}应为 ${choiceLabels(col.field).join(' / ')} 之一` };
  }
  if (text === null) return { value: col.field === 'name' || col.field === 'idNumber' || col.field === 'ethnicity' ? undefined : null };
  // 民族 is often written without 族 (汉, 回); the national system stores the full name.
  if (col.field === 'ethnicity' && !(ETHNICITIES as readonly string[]).includes(text) && (ETHNICITIES as readonly string[]).includes(`${text}族`)) {
    return { value: `${text}族` };
  }
  return { value: text };
}

/** A stored value → what the roster cell shows (labels, 是/否, real dates). */
export function cellOf(col: RosterColumn, value: unknown): string | Date | null {
  if (value === null || value === undefined) return null;
  if (col.kind === 'date') {
    const [y, m, d] = String(value).split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  if (col.kind === 'flag') return value ? '是' : '否';
  if (col.kind === 'choice') return LABELS[col.field]?.[String(value)] ?? String(value);
  return String(value);
}
