import { App } from 'antd';
import type { FormInstance } from 'antd';
import { errorMessage } from '@/lib/api-client';
import { apiFieldIssues, fieldFor, isConflict, placeFieldErrors, registeredFields, type FieldPath } from '@/lib/form-errors';

/**
 * The one 409 dialog: someone saved the record after this form read it.
 * Never overwrite silently: say who changed it (the server's message) and
 * offer 重新加载, which the caller implements (refetch, reset the form).
 */
export function useConflictDialog() {
  const { modal } = App.useApp();
  return (serverMessage: string, onReload?: () => void) =>
    modal.confirm({
      title: '该记录已被他人修改',
      content: `${serverMessage}。重新加载后将显示最新内容，您本次的修改不会保存。`,
      okText: '重新加载',
      cancelText: '暂不处理',
      onOk: onReload,
    });
}

interface SaveErrorOptions {
  /** The form whose fields get the server's per-field reasons (`details`). */
  form?: FormInstance;
  /** Which names are fields of the form; defaults to what the form has registered. */
  isField?: (name: FieldPath) => boolean;
  /** Offered on a 409: refetch the record and reset the form from it. */
  onReload?: () => void;
  /** Where reasons that belong to no field go (a form-level Alert); a message toast when absent. */
  onFormErrors?: (messages: string[]) => void;
}

/**
 * One way to answer a failed save on every form: a 409 opens the conflict
 * dialog unless its details name a field here (e.g. 用户名已被使用); each
 * detail goes onto the field it names; what no field takes, or the server's
 * Chinese message when there are no details, is shown once.
 */
export function useSaveError() {
  const { message } = App.useApp();
  const showConflict = useConflictDialog();
  return (error: unknown, { form, isField, onReload, onFormErrors }: SaveErrorOptions = {}) => {
    const issues = apiFieldIssues(error);
    const accepts = isField ?? (form ? registeredFields(form) : () => false);
    if (isConflict(error) && !issues.some((i) => fieldFor(i.path, accepts))) {
      showConflict(error.message, onReload);
      return;
    }
    const unplaced = form ? placeFieldErrors(form, issues, accepts) : issues.map((i) => i.message);
    if (onFormErrors) onFormErrors(issues.length > 0 ? unplaced : [errorMessage(error)]);
    else void message.error(unplaced.length > 0 ? unplaced.join('；') : errorMessage(error));
  };
}
