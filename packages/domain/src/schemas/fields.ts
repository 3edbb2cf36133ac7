import { z } from 'zod';

/** China keeps UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Today's date in China (UTC+8) as YYYY-MM-DD: the day a user means by "today". */
export function todayIso(now = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** China's day holding the instant `nowMs`: its date (todayIso) and the instants it starts at and ends before, so a caller may keep it until `until`. */
export function chinaDay(nowMs: number): { iso: string; from: number; until: number } {
  const from = Math.floor((nowMs + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  return { iso: todayIso(new Date(nowMs)), from, until: from + DAY_MS };
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar date 'YYYY-MM-DD' that exists; `label` names the field in the message. */
export const dateField = (label: string) =>
  z.string({ error: `请填写${label}` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isRealDate, `${label}不是有效日期`);

/** A date that cannot lie in the future (a meeting held, a date joined …). */
export const pastDateField = (label: string) =>
  dateField(label).refine((d) => d <= todayIso(), `${label}不能晚于今天`);

/** A text area (备注, 简介 …) may hold line breaks and tabs; every other text field is one line. */
export interface TextOptions { multiline?: boolean }

// C0 controls, DEL and C1 controls; a multi-line field allows \t, \n and the \r of a \r\n.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
// Line/paragraph separators and the bidi overrides that make text display differently from what it is.
const FORMAT_SINGLE = /[\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const FORMAT_MULTILINE = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Text shows something only if it has a letter, digit, punctuation or symbol (private-use counts: rare
// characters of names are often encoded there). Marks alone, format characters (zero-width, tags, BOM),
// unassigned code points and white space show nothing; so do these letters and symbols that render blank.
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}\p{Co}]/u;
const BLANK_LOOKING = /[\u115F\u1160\u2800\u3164\uFFA0\uFFFC]/gu;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;

/** What is wrong with a piece of user text as text (not its length or content), or null. */
export function textProblem(s: string, label: string, opts: TextOptions = {}): string | null {
  if (LONE_SURROGATE.test(s)) return `${label}含有无效的字符（不成对的代理项），请重新输入`;
  if ((opts.multiline ? CONTROL_MULTILINE : CONTROL).test(s)) {
    return opts.multiline ? `${label}含有不可见的控制字符（只允许换行和制表符）` : `${label}含有控制字符或换行，请删除后重新输入`;
  }
  if ((opts.multiline ? FORMAT_MULTILINE : FORMAT_SINGLE).test(s)) return `${label}含有改变文字方向或分行的格式字符，请删除后重新输入`;
  if (NONCHARACTER.test(s)) return `${label}含有无效的字符（非字符码位），请重新输入`;
  if (s.length > 0 && !VISIBLE.test(s.replace(BLANK_LOOKING, ''))) return `${label}不能只由空格或不可见字符组成`;
  return null;
}

/** A zod string check: refuses control characters, lone surrogates and text of only invisible characters. */
export const cleanText = (label: string, opts: TextOptions = {}) => (s: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(s, label, opts);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
};

export const textField = (label: string, max: number, opts: TextOptions = {}) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`)
    .superRefine(cleanText(label, opts));

export const optionalText = (label: string, max: number, opts: TextOptions = {}) =>
  z.string({ error: `${label}应为文字` }).trim().max(max, `${label}不能超过 ${max} 个字`).superRefine(cleanText(label, opts))
    .nullish().transform((v) => (v ? v : null));

export const countField = (label: string, max = 100000) =>
  z.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).min(0, `${label}不能为负数`).max(max, `${label}不能超过 ${max}`);

/** Every edit carries the version it was read at (optimistic concurrency: a stale save gets 409). */
export const VersionSchema = z.object({ version: z.number({ error: '缺少记录版本号 version' }).int().positive() });
