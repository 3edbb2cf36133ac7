import type { FormRule } from 'antd';
import { MemberInputSchema, MemberUpdateSchema } from '@wj/domain/schemas';
import { toIso } from './member-form-values';

type FieldName = keyof typeof MemberInputSchema.shape;

const asBodyValue = (value: unknown) =>
  value && typeof value === 'object' && 'format' in value ? toIso(value as Parameters<typeof toIso>[0]) : value;

/**
 * One field checked on its own by the shared schema (MemberInputSchema), so
 * the form says exactly what the API would, as soon as the field changes.
 * Rules between fields (dates against each other, the number against sex and
 * birth) run on submit over the whole form.
 */
export const schemaRule = (name: FieldName, editing = false): FormRule => ({
  validator: async (_, value: unknown) => {
    // Editing accepts the masked phone / 公民身份号码 shown to non-admins (= unchanged).
    const result = (editing ? MemberUpdateSchema : MemberInputSchema).shape[name].safeParse(asBodyValue(value));
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '填写有误');
  },
});
