import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { MemberDetail } from '@wj/domain/schemas';
import { memberQueryOptions } from '../api/get-member';

/**
 * A 409: someone saved the member after this form read it. Never overwrite
 * silently: say who changed it (the server's message) and offer to reload
 * the record, which resets the form to what is stored now.
 */
export function useConflictDialog(memberId: number, onReloaded: (fresh: MemberDetail) => void) {
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();

  const reload = async () => {
    try {
      const fresh = await queryClient.fetchQuery({ ...memberQueryOptions(memberId), staleTime: 0 });
      onReloaded(fresh);
      void queryClient.invalidateQueries({ queryKey: ['orgs'] });
    } catch {
      message.error('重新加载失败，请稍后重试');
    }
  };

  return (serverMessage: string) =>
    modal.confirm({
      title: '该党员信息已被他人修改',
      content: `${serverMessage}。点击“重新加载”显示最新信息；此处未保存的修改需要重新填写。`,
      okText: '重新加载',
      cancelText: '取消',
      onOk: reload,
    });
}
