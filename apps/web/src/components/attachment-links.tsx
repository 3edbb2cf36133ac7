import { App, Button, Flex, Popconfirm, Typography } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import type { Attachment } from '@wj/domain/schemas';
import { apiDownload, apiUpload, errorMessage } from '@/lib/api-client';

/** Where a file is downloaded from (served as an attachment, in the record's scope only); the link's href. */
export const attachmentUrl = (id: number) => `/api/attachments/${id}`;

export const sizeText = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** Sends one file as the raw body to `path` under /api (e.g. /milestones/3/attachments), its name in X-File-Name. */
export const uploadFile = (path: string, file: File): Promise<Attachment> =>
  apiUpload<Attachment>(path, file, { headers: { 'X-File-Name': encodeURIComponent(file.name) } });

/**
 * The files of a record, each a download link. A click downloads through the
 * API client (an expired session goes to login, a refusal shows the server's
 * message); the href stays for copying the link or opening it elsewhere.
 */
export function AttachmentLinks({ items, onDelete }: { items: Attachment[]; onDelete?: (a: Attachment) => void }) {
  const { message } = App.useApp();
  const download = (a: Attachment) =>
    void apiDownload(`/attachments/${a.id}`, { fallbackName: a.originalName }).catch((e: unknown) => void message.error(errorMessage(e)));
  if (items.length === 0) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Flex vertical gap={4} data-testid="attachment-list">
      {items.map((a) => (
        <Flex key={a.id} gap={8} align="center" style={{ minWidth: 0 }}>
          <PaperClipOutlined />
          <Typography.Link href={attachmentUrl(a.id)} download={a.originalName} onClick={(e) => { e.preventDefault(); download(a); }} ellipsis style={{ minWidth: 0, flex: '0 1 auto' }}>{a.originalName}</Typography.Link>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{sizeText(a.size)}</Typography.Text>
          {onDelete && (
            <Popconfirm title="删除这个附件？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => onDelete(a)}>
              <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除附件 ${a.originalName}`} />
            </Popconfirm>
          )}
        </Flex>
      ))}
    </Flex>
  );
}
