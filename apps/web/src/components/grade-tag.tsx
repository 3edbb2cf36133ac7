import { Tag } from 'antd';
import type { Grade } from '@wj/domain/quality';
import { GRADE_COLORS, GRADE_LABELS } from '@wj/domain/quality';
import { SIGNAL_TAG } from '@/lib/quality-colors';

/** 优良 / 合格 / 不合格 in green / amber / red. */
export function GradeTag({ grade }: { grade: Grade }) {
  return (
    <Tag color={SIGNAL_TAG[GRADE_COLORS[grade]]} style={{ marginInlineEnd: 0 }}>
      {GRADE_LABELS[grade]}
    </Tag>
  );
}
