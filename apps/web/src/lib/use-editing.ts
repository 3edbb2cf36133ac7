import { useState } from 'react';
import { App } from 'antd';

/**
 * Which record a form dialog is open on ('new', a record, or closed), and the
 * 重新加载 a 409 offers: refetch the list and reopen the dialog on the record's
 * newest version — or close it when someone else removed the record.
 */
export function useEditing<T extends { id: number }>(refetch: () => Promise<{ data?: readonly T[] | undefined }>) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const { message } = App.useApp();

  const reload = async () => {
    const id = editing !== null && editing !== 'new' ? editing.id : null;
    const { data } = await refetch();
    if (id === null) return;
    const fresh = data?.find((r) => r.id === id);
    if (fresh) setEditing(fresh);
    else {
      setEditing(null);
      void message.warning('该记录已不存在，可能已被他人删除');
    }
  };

  return {
    editing,
    record: editing === 'new' ? null : editing,
    isOpen: editing !== null,
    openNew: () => setEditing('new'),
    open: (record: T) => setEditing(record),
    close: () => setEditing(null),
    reload: () => void reload(),
  };
}
