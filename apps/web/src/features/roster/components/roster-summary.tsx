import { Flex, Tag } from 'antd';
import type { RosterSummary as Summary } from '@wj/domain/schemas';
import { OUTCOME_COLORS, OUTCOME_LABELS, type RowOutcome } from '../lib/row-action';

/** The preview's counts per outcome; the server's `update` count includes the unchanged rows. */
export function RosterSummary({ summary }: { summary: Summary }) {
  const counts: Record<RowOutcome, number> = {
    create: summary.create, update: summary.update - summary.unchanged, unchanged: summary.unchanged, error: summary.error,
  };
  return (
    <Flex gap={8} wrap aria-label="预览统计">
      {(Object.keys(counts) as RowOutcome[]).map((k) => (
        <Tag key={k} color={OUTCOME_COLORS[k]} variant="outlined">
          {OUTCOME_LABELS[k]} {counts[k]} 行
        </Tag>
      ))}
    </Flex>
  );
}

/** The sentence after a successful import. */
export const importedSentence = (s: Summary) =>
  `导入完成：新增 ${s.create} 人，更新 ${s.update - s.unchanged} 人，${s.unchanged} 人无变化`;
