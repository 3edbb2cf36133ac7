import { useState } from 'react';
import { Alert, Divider, Form, Modal } from 'antd';
import { isValidIdNumber } from '@wj/domain';
import { MemberInputSchema, MemberUpdateSchema, type MemberInput } from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { placeFieldErrors, type FieldPath } from '@/lib/form-errors';
import { formValuesToBody, idNumberFacts, MEMBER_FORM_FIELDS, type MemberFormValues } from '../../lib/member-form-values';
import { MemberIdentityFields } from './member-identity-fields';
import { MemberPartyFields } from './member-party-fields';

interface MemberFormModalProps {
  title: string;
  okText: string;
  initialValues: MemberFormValues;
  /** Set when editing: the version the form was read at (MemberUpdateSchema needs it). */
  version?: number;
  onSubmit: (input: MemberInput) => Promise<unknown>;
  /** Offered by the conflict dialog when someone else saved first (409). */
  onReload?: () => void;
  onClose: () => void;
}

/**
 * The member form, for 新增党员 and 编辑. On submit the values go through the
 * same zod schema the API uses; each message lands next to its field, and so
 * does each of the server's 400 details (e.g. who already holds the 公民身份号码).
 * Mounted only while open, so every opening starts from `initialValues`.
 */
const isMemberField = (name: FieldPath) => name.length === 1 && (MEMBER_FORM_FIELDS as readonly string[]).includes(String(name[0]));

export function MemberFormModal({ title, okText, initialValues, version, onSubmit, onReload, onClose }: MemberFormModalProps) {
  const [form] = Form.useForm<MemberFormValues>();
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const saveError = useSaveError();
  const editing = version !== undefined;

  const submit = async () => {
    setFormErrors([]);
    // Each field's own rule first, then the whole schema for the rules between fields; a field
    // already showing its own problem keeps it (one message at a time, the first one to fix).
    const fieldsOk = await form.validateFields().then(() => true, () => false);
    const body = formValuesToBody(form.getFieldsValue(true));
    const parsed = editing ? MemberUpdateSchema.safeParse({ ...body, version }) : MemberInputSchema.safeParse(body);
    if (!parsed.success) {
      const fresh = parsed.error.issues.filter((i) => form.getFieldError(String(i.path[0] ?? '') as never).length === 0);
      setFormErrors(placeFieldErrors(form, fresh, isMemberField));
      return;
    }
    if (!fieldsOk) return;
    setSaving(true);
    try {
      await onSubmit(parsed.data);
      onClose();
    } catch (error) {
      saveError(error, { form, isField: isMemberField, onReload, onFormErrors: setFormErrors });
    } finally {
      setSaving(false);
    }
  };

  // A complete, valid number fills in what it encodes, when those fields are still empty.
  const fillFromIdNumber = (changed: Partial<MemberFormValues>) => {
    const id = changed.idNumber?.trim().toUpperCase();
    if (!id || !isValidIdNumber(id)) return;
    const facts = idNumberFacts(id);
    if (!form.getFieldValue('birthDate')) form.setFieldValue('birthDate', facts.birthDate);
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', facts.gender);
  };

  return (
    <Modal open title={title} okText={okText} cancelText="取消" width={820} onOk={() => void submit()} onCancel={onClose}
      confirmLoading={saving} maskClosable={false} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initialValues} onValuesChange={fillFromIdNumber} requiredMark
        aria-label={title}>
        {formErrors.length > 0 && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={formErrors.length === 1 ? formErrors[0] : '未能保存'}
            description={formErrors.length > 1 ? formErrors.join('；') : undefined} />
        )}
        <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>基本信息</Divider>
        <MemberIdentityFields editing={editing} initial={initialValues} />
        <Divider titlePlacement="start" plain>党籍与工作</Divider>
        <MemberPartyFields />
      </Form>
    </Modal>
  );
}
