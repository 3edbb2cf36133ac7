import { z } from 'zod';

/** Today's date in China (UTC+8) as YYYY-MM-DD: the day a user means by "today". */
export function todayIso(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
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

export const textField = (label: string, max: number) =>
  z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 个字`).nullish().transform((v) => (v ? v : null));

export const countField = (label: string, max = 100000) =>
  z.number({ error: `${label}必须是数字` }).int(`${label}必须是整数`).min(0, `${label}不能为负数`).max(max, `${label}不能超过 ${max}`);

/** Every edit carries the version it was read at (optimistic concurrency: a stale save gets 409). */
export const VersionSchema = z.object({ version: z.number({ error: '缺少记录版本号 version' }).int().positive() });
