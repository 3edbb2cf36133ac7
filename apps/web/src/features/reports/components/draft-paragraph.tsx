import { Button, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ReportDraftParagraph } from '@wj/domain/schemas';
import { ParagraphEditor } from './paragraph-editor';

interface DraftParagraphProps {
  paragraph: ReportDraftParagraph;
  canEdit: boolean;
  editing: boolean;
  saving: boolean;
  onEdit: () => void;
  onCancel: () => void;
  /** null: back to the generated text (or the added paragraph removed). */
  onSave: (text: string | null) => void;
}

/** One paragraph of the draft as the report will print it, with what the office may do to it. */
export function DraftParagraph({ paragraph: p, canEdit, editing, saving, onEdit, onCancel, onSave }: DraftParagraphProps) {
  if (editing) return <ParagraphEditor initial={p.text} saving={saving} onSave={onSave} onCancel={onCancel} />;
  const added = p.origin === 'added';
  return (
    <Flex gap={12} align="flex-start" role="group" aria-label={`段落 ${p.key}`} data-key={p.key}>
      <Typography.Paragraph style={{ flex: 1, margin: 0, textIndent: '2em', whiteSpace: 'pre-wrap' }}>{p.text}</Typography.Paragraph>
      <Space size={4} wrap style={{ flex: 'none' }}>
        {added ? <Tag color="blue">补充段落</Tag> : p.edited && <Tag color="gold" title={p.updatedBy ? `${p.updatedBy} 修改` : undefined}>已修改</Tag>}
        {canEdit && <Button size="small" onClick={onEdit}>编辑</Button>}
        {canEdit && (p.edited || added) && (
          <Popconfirm
            title={added ? '删除这个补充段落？' : '恢复为根据数据生成的内容？'}
            okText={added ? '删除' : '恢复'} cancelText="取消" onConfirm={() => onSave(null)}
          >
            <Button size="small" danger={added} loading={saving}>{added ? '删除' : '恢复生成内容'}</Button>
          </Popconfirm>
        )}
      </Space>
    </Flex>
  );
}
