import { Card, Empty, Typography } from 'antd';
import type { Dashboard } from '@wj/domain/schemas';
import { GapLineRow } from './gap-line-row';

interface GapPanelProps {
  gaps: Dashboard['topGaps'];
  year: number;
  onOpen: (code: string) => void;
}

/** The survey's 形势分析 as a list: one line per gap, red before amber, most organisations first. */
export function GapPanel({ gaps, year, onOpen }: GapPanelProps) {
  const red = gaps.filter((g) => g.severity === 'red').length;
  return (
    <Card
      title="问题清单"
      extra={gaps.length > 0 && (
        <Typography.Text type="secondary">
          {gaps.length} 类问题，其中红色 {red} 类 · 点击查看涉及名单
        </Typography.Text>
      )}
      styles={{ body: { paddingBlock: 8, maxHeight: 560, overflowY: 'auto' } }}
      role="region"
      aria-label="问题清单"
    >
      {gaps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年度未发现问题`} />
      ) : (
        gaps.map((line) => <GapLineRow key={line.code} line={line} onOpen={() => onOpen(line.code)} />)
      )}
    </Card>
  );
}
