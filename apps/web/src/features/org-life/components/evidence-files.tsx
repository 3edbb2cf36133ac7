import { useRef } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { CameraOutlined, DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PER_RECORD, type Attachment } from '@wj/domain/schemas';
import { errorMessage } from '@/lib/api-client';
import { AttachmentLinks, sizeText } from '@/components/attachment-links';
import { useDeleteAttachment } from '../api/attachments';

export { AttachmentLinks };

interface EvidenceFilesProps {
  /** Files already on the record (editing). */
  existing: Attachment[];
  /** Files picked in this form, sent after the record is saved. */
  pending: File[];
  onPendingChange: (files: File[]) => void;
}

/**
 * 签到表 and 会议记录 as photos, scans or PDFs. On a phone the camera opens
 * straight from the button (capture="environment"). Type and size are checked
 * again by the server from the file's content.
 */
export function EvidenceFiles({ existing, pending, onPendingChange }: EvidenceFilesProps) {
  const input = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();
  const remove = useDeleteAttachment();
  const room = ATTACHMENT_MAX_PER_RECORD - existing.length - pending.length;

  const picked = (list: FileList | null) => {
    const files = [...(list ?? [])];
    const tooBig = files.filter((f) => f.size > ATTACHMENT_MAX_BYTES);
    if (tooBig.length) void message.error(`${tooBig.map((f) => f.name).join('、')} 超过 10 MB，未添加`);
    const ok = files.filter((f) => f.size <= ATTACHMENT_MAX_BYTES).slice(0, Math.max(0, room));
    if (ok.length) onPendingChange([...pending, ...ok]);
    if (input.current) input.current.value = '';
  };

  return (
    <Flex vertical gap={8}>
      <AttachmentLinks
        items={existing}
        onDelete={(a) => remove.mutate({ id: a.id, version: a.version }, {
          onSuccess: () => void message.success('附件已删除'),
          onError: (e) => void message.error(errorMessage(e)),
        })}
      />
      {pending.map((f, i) => (
        <Flex key={`${f.name}-${i}`} gap={8} align="center" data-testid="pending-file">
          <PaperClipOutlined />
          <Typography.Text ellipsis style={{ minWidth: 0 }}>{f.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{sizeText(f.size)} · 保存后上传</Typography.Text>
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`移除 ${f.name}`} onClick={() => onPendingChange(pending.filter((_, j) => j !== i))} />
        </Flex>
      ))}
      <input
        ref={input}
        type="file"
        accept="image/*,application/pdf"
        capture="environment"
        multiple
        hidden
        data-testid="evidence-input"
        onChange={(e) => picked(e.target.files)}
      />
      <div>
        <Button icon={<CameraOutlined />} disabled={room <= 0} onClick={() => input.current?.click()}>拍照或选择文件</Button>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          签到表、会议记录的照片、扫描件或 PDF，每个不超过 10 MB，每条记录最多 {ATTACHMENT_MAX_PER_RECORD} 个
        </Typography.Text>
      </div>
    </Flex>
  );
}
