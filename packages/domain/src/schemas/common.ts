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

/**
 * The one spelling of a record id in a path or query: decimal digits, no
 * leading zero, sign, point, exponent, hex or space. Every other spelling of
 * the same number ("02526", "+2526", "2526.0", "0x9de", " 2526") is refused,
 * so the access check and the handler can never read two different values
 * (DESIGN.md: access is decided on the exact values the handler will use).
 */
export const CANONICAL_ID = /^[1-9]\d{0,15}$/;

/** The parsed id, or null for anything that is not a canonical id (a string of CANONICAL_ID, or a positive safe integer). */
export function parseId(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) && raw > 0 ? raw : null;
  if (typeof raw !== 'string' || !CANONICAL_ID.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}

/** An id in a path or query string, parsed by parseId; `field` names it in the error. */
export const idText = (field: string) =>
  z.string({ error: `缺少${field}` })
    .refine((s) => parseId(s) !== null, `${field} 必须是十进制正整数（不能带前导零、正负号、小数点、空格或其他写法）`)
    .transform((s) => Number(s));

export const IdParamSchema = z.object({ id: idText('id') });

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
