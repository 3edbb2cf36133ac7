import { Empty, Flex, Tag, Typography } from 'antd';
import type { BranchScoreDetail } from '@wj/domain/schemas';
import { SeverityMark } from '@/components/severity-mark';

type Gap = BranchScoreDetail['gaps'][number];

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Every lost point, biggest first: what is missing, how much it cost, the rule behind it and what to do. */
export function LostPoints({ gaps, emptyText }: { gaps: Gap[]; emptyText: string }) {
  if (gaps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  const sorted = [...gaps].sort((a, b) => (a.severity === b.severity ? b.points - a.points : a.severity === 'red' ? -1 : 1));
  return (
    <ol aria-label="失分项" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {sorted.map((gap, i) => (
        <li key={`${gap.code}-${i}`} data-testid="lost-point" style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Flex align="center" gap={10}>
            <SeverityMark severity={gap.severity} />
            <Typography.Text strong data-testid="lost-point-message">{gap.message}</Typography.Text>
            <Tag color={gap.severity === 'red' ? 'error' : 'warning'} style={{ marginInlineStart: 'auto', marginInlineEnd: 0, flex: 'none' }}>
              失 {round1(gap.points)} 分
            </Tag>
          </Flex>
          <Flex vertical gap={2} style={{ paddingInlineStart: 20, marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{gap.source}</Typography.Text>
            <Typography.Text style={{ fontSize: 13 }}>建议：{gap.recommendation}</Typography.Text>
          </Flex>
        </li>
      ))}
    </ol>
  );
}

export const totalLost = (gaps: Gap[]) => round1(gaps.reduce((s, g) => s + g.points, 0));
