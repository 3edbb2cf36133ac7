import { useState } from 'react';
import { Input, Modal, Typography } from 'antd';

interface SaveNoteModalProps {
  open: boolean;
  saving: boolean;
  nextVersion: number;
  onCancel: () => void;
  onSave: (note: string) => void;
}

/** Asks why the rules change; the note stays with the version in the history. */
export function SaveNoteModal({ open, saving, nextVersion, onCancel, onSave }: SaveNoteModalProps) {
  const [note, setNote] = useState('');
  return (
    <Modal
      open={open}
      title={`保存为第 ${nextVersion} 版`}
      okText="保存并生效"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => onSave(note)}
      onCancel={onCancel}
      afterClose={() => setNote('')}
    >
      <Typography.Paragraph type="secondary">
        保存后新规则立即生效，全部支部和单位的得分将按新规则重新计算；旧版本保留在版本记录中。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="修改说明"
        placeholder="说明本次调整的原因（选填），如：按年度考核要求提高组织生活权重"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={200}
        showCount
        autoSize={{ minRows: 3, maxRows: 6 }}
      />
    </Modal>
  );
}
