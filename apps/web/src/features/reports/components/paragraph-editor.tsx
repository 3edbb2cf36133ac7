import { useState } from 'react';
import { Button, Flex, Input } from 'antd';
import { REPORT_PARAGRAPH_MAX } from '@wj/domain/schemas';

interface ParagraphEditorProps {
  initial: string;
  saving: boolean;
  onSave: (text: string) => void;
  onCancel: () => void;
  /** 保存 for an edit, 添加 for a new paragraph. */
  okText?: string;
}

/** A paragraph's text being written: each line prints as a paragraph of its own. */
export function ParagraphEditor({ initial, saving, onSave, onCancel, okText = '保存' }: ParagraphEditorProps) {
  const [text, setText] = useState(initial);
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        aria-label="段落内容" value={text} onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 14 }} maxLength={REPORT_PARAGRAPH_MAX} showCount autoFocus
      />
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel} disabled={saving}>取消</Button>
        <Button type="primary" loading={saving} disabled={!text.trim()} onClick={() => onSave(text)}>{okText}</Button>
      </Flex>
    </Flex>
  );
}
