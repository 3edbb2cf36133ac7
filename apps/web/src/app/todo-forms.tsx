import { Modal, Spin } from 'antd';
import type { MeetingType } from '@wj/domain';
import type { TodoItemView } from '@wj/domain/quality';
import { todayIso } from '@wj/domain/schemas';
import { useMeetings } from '@/features/org-life/api/get-meetings';
import { MeetingFormModal } from '@/features/org-life/components/meeting-form-modal';
import type { RenderTodoForm } from '@/features/todos/pages/todos-page';
import { useOrg } from '@/lib/org-queries';

/**
 * The app layer gives the 待办 pages their forms (features don't import each
 * other): a meeting item opens 登记组织生活 with its type and date; a returned
 * record opens that record to correct.
 */
export const renderTodoForm: RenderTodoForm = (item, close) => <TodoForm item={item} onClose={close} />;

function TodoForm({ item, onClose }: { item: TodoItemView; onClose: () => void }) {
  const t = item.target;
  if (t.form === 'meeting') return <NewMeeting orgId={t.orgId} preset={{ type: t.meetingType, date: t.date }} onClose={onClose} />;
  if (t.form === 'meeting_edit') return <ReturnedMeeting orgId={t.orgId} meetingId={t.meetingId} onClose={onClose} />;
  return null;
}

function NewMeeting({ orgId, preset, onClose }: { orgId: number; preset: { type: MeetingType; date: string }; onClose: () => void }) {
  // The shared org query (the org page's cache): the branch's member count is offered as 应到人数.
  const org = useOrg(orgId);
  if (org.isPending) return <Modal open footer={null} closable={false}><Spin /></Modal>;
  return <MeetingFormModal orgId={orgId} record={null} preset={preset} defaultExpected={org.data?.counts.members ?? 0} onClose={onClose} onReload={() => void org.refetch()} />;
}

function ReturnedMeeting({ orgId, meetingId, onClose }: { orgId: number; meetingId: number; onClose: () => void }) {
  const meetings = useMeetings(orgId, Number(todayIso().slice(0, 4)));
  const record = meetings.data?.find((m) => m.id === meetingId);
  if (!record) return <Modal open footer={null} onCancel={onClose}>{meetings.isPending ? <Spin /> : '未找到该记录，可能已被删除'}</Modal>;
  return <MeetingFormModal orgId={orgId} record={record} defaultExpected={record.expected} onClose={onClose} onReload={() => void meetings.refetch()} />;
}
