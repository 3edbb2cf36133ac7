import { Form, Input } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { isValidIdNumber } from '@wj/domain';
import { MemberInputSchema, MemberUpdateSchema } from '@wj/domain/schemas';

interface IdNumberItemProps {
  /** Editing: the value shown may be the masked number, which means "unchanged". */
  editing: boolean;
  /** The masked value the form was given, sent back as is when untouched. */
  maskedValue?: string;
}

/**
 * 公民身份号码, checked as it is typed (GB 11643 check digit, a real birth
 * date) with the same field rule the API applies.
 */
export function IdNumberItem({ editing, maskedValue }: IdNumberItemProps) {
  const typed = Form.useWatch<string | undefined>('idNumber', Form.useFormInstance());
  const field = (editing ? MemberUpdateSchema : MemberInputSchema).shape.idNumber;
  // Stray characters at once, the full check as soon as 18 characters are there. A number still
  // being typed is left alone; on submit the whole-form check names an empty or short one.
  const check = async (_: RuleObject, raw: unknown) => {
    const value = String(raw ?? '').trim().toUpperCase();
    if (editing && value === maskedValue) return;
    if (/[^\dX]/.test(value)) throw new Error('公民身份号码只能由数字和末位 X 组成');
    if (value.length < 18 || isValidIdNumber(value)) return;
    const parsed = field.safeParse(value);
    if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? '公民身份号码不正确');
  };

  return (
    <Form.Item
      name="idNumber"
      label="公民身份号码"
      required
      // The tick only once there is a whole number to vouch for.
      hasFeedback={typed?.trim().length === 18 && typed !== maskedValue}
      rules={[{ validator: check }]}
      extra={editing && maskedValue ? '号码已脱敏显示；不修改则保留原号码，修改时请填写完整的 18 位号码' : undefined}
    >
      <Input maxLength={18} showCount autoComplete="off" placeholder="18 位，末位可为 X" />
    </Form.Item>
  );
}
