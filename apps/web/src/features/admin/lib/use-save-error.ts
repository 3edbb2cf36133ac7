import { App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, errorMessage } from '@/lib/api-client';
import { applyFieldIssues } from './field-errors';

interface SaveErrorOptions {
  form: FormInstance;
  /** Whether a server `details[].field` names a field of this form. */
  isField: (field: string) => boolean;
  /** Fetches the record again and resets the form; offered when someone else saved first (409). */
  reload: () => void;
}

/**
 * One way to answer a failed save on every admin form: field reasons go onto
 * the fields; a stale version (409 without field details) opens a Modal
 * offering 重新加载 — never a silent overwrite; anything else is a message.
 */
export function useSaveError() {
  const { message, modal } = App.useApp();
  return (error: unknown, { form, isField, reload }: SaveErrorOptions) => {
    if (error instanceof ApiError && error.status === 409 && error.details.length === 0) {
      modal.confirm({
        title: '数据已被他人修改',
        content: error.message,
        okText: '重新加载',
        cancelText: '暂不',
        onOk: reload,
      });
      return;
    }
    if (error instanceof ApiError && error.details.length > 0) {
      const rest = applyFieldIssues(form, error.details, isField);
      message.error(rest.length > 0 ? rest.map((d) => d.message).join('；') : error.message);
      return;
    }
    message.error(errorMessage(error));
  };
}
