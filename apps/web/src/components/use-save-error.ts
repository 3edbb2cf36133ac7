import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '@/lib/api-client';
import { apiFieldErrors, onlyKnownFields, type FieldPath } from '@/lib/form-errors';

interface SaveErrorOptions {
  /** The form whose fields get the server's per-field reasons (400 details). */
  form?: FormInstance;
  /** Offered on a 409: refetch the record and reset the form from it. */
  onReload?: () => void;
}

const key = (name: FieldPath) => JSON.stringify(name);

/**
 * One way to answer a failed save: a 409 opens a dialog naming who changed the
 * record, with 重新加载 (never a silent overwrite); a 400 puts each reason on
 * the field it names; every failure also shows the server's Chinese message.
 */
export function useSaveError() {
  const { message, modal } = App.useApp();
  return (error: unknown, { form, onReload }: SaveErrorOptions = {}) => {
    if (error instanceof ApiError && error.status === 409) {
      modal.confirm({
        title: '该记录已被他人修改',
        content: `${error.message}。重新加载后将显示最新内容，您本次的修改不会保存。`,
        okText: '重新加载',
        cancelText: '暂不处理',
        onOk: onReload,
      });
      return;
    }
    if (form) {
      const registered = new Set(form.getFieldsError().map((f) => key(f.name)));
      const fields = onlyKnownFields(apiFieldErrors(error), (name) => registered.has(key(name)));
      if (fields.length) form.setFields(fields);
    }
    void message.error(errorMessage(error));
  };
}
