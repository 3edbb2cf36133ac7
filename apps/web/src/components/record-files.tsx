import { useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PER_RECORD, type Attachment } from '@wj/domain/schemas';
import { apiGet, apiRequest, errorMessage } from '@/lib/api-client';
import { attachmentKeys } from '@/lib/query-keys';
import { AttachmentLinks, uploadFile } from './attachment-links';

interface RecordFilesProps {
  /** The record's files route under /api, e.g. `/milestones/3/attachments`. */
  path: string;
  /** Who may upload and delete; readers see the links only. */
  canEdit: boolean;
  /** What the files are, for the upload button's label. */
  label: string;
}

/**
 * The evidence files of a record that is not a meeting (书记项目 milestone,
 * 先锋岗): listed with download links and uploaded at once from the camera
 * or a file. Type and size are checked again by the server from the content.
 */
export function RecordFiles({ path, canEdit, label }: RecordFilesProps) {
  const input = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: attachmentKeys.list(path), queryFn: ({ signal }) => apiGet<Attachment[]>(path, {}, signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(path) });
  const upload = useMutation({
    mutationFn: async (files: File[]) => { for (const f of files) await uploadFile(path, f); },
    onSuccess: () => void message.success('附件已上传'),
    onError: (e) => void message.error(errorMessage(e)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (a: Attachment) => apiRequest<void>(`/attachments/${a.id}`, { method: 'DELETE', query: { version: a.version } }),
    onSuccess: () => void message.success('附件已删除'),
    onError: (e) => void message.error(errorMessage(e)),
    onSettled: refresh,
  });
  const items = list.data ?? [];
  const room = ATTACHMENT_MAX_PER_RECORD - items.length;

  const picked = (fileList: FileList | null) => {
    const files = [...(fileList ?? [])];
    const tooBig = files.filter((f) => f.size > ATTACHMENT_MAX_BYTES);
    if (tooBig.length) void message.error(`${tooBig.map((f) => f.name).join('、')} 超过 10 MB，未上传`);
    const ok = files.filter((f) => f.size <= ATTACHMENT_MAX_BYTES).slice(0, Math.max(0, room));
    if (ok.length) upload.mutate(ok);
    if (input.current) input.current.value = '';
  };

  if (list.isError) return <Typography.Text type="secondary">附件加载失败</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="record-files">
      {(items.length > 0 || !canEdit) && <AttachmentLinks items={items} onDelete={canEdit ? (a) => remove.mutate(a) : undefined} />}
      {canEdit && (
        <>
          <input ref={input} type="file" accept="image/*,application/pdf" capture="environment" multiple hidden data-testid="record-files-input" onChange={(e) => picked(e.target.files)} />
          <div>
            <Button size="small" icon={<CameraOutlined />} loading={upload.isPending} disabled={room <= 0} onClick={() => input.current?.click()}>{`上传${label}`}</Button>
          </div>
        </>
      )}
    </Flex>
  );
}
