import { z } from 'zod';

/** The error body every failing API call answers with (DESIGN.md: Architecture). */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const t = Date.parse(`${s}T00:00:00Z`);
    return !/^\d{4}-\d{2}-\d{2}$/.test(s) || (!Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s);
  }, '日期不存在（如 2 月 30 日），请核对');

export const IdParamSchema = z.object({
  id: z.coerce.number({ error: 'id 必须是数字' }).int('id 必须是整数').positive('id 必须是正整数'),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
