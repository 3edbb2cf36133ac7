import { Card, Empty, Typography } from 'antd';
import { gapLineKey, TIER_HEADINGS, TIERS } from '@wj/domain/quality';
import type { Dashboard } from '@wj/domain/schemas';
import { GapLineRow } from './gap-line-row';

interface GapPanelProps {
  gaps: Dashboard['topGaps'];
  year: number;
  onOpen: (key: string) => void;
}

/**
 * The survey's 形势分析 as a list, grouped by tier — 涉及违反党内法规制度的问题,
 * 未达到本委工作要求的问题, 需要提醒的事项 — each heading counting only its own
 * lines; within a tier red before amber, most organisations first.
 */
export function GapPanel({ gaps, year, onOpen }: GapPanelProps) {
  const problems = gaps.filter((g) => g.tier !== 'reminder').length;
  return (
    <Card
      title="问题清单"
      extra={gaps.length > 0 && (
        <Typography.Text type="secondary">
          {problems} 类问题{gaps.length > problems ? `，${gaps.length - problems} 类提醒` : ''} · 点击查看涉及名单
        </Typography.Text>
      )}
      styles={{ body: { paddingBlock: 8, maxHeight: 560, overflowY: 'auto' } }}
      role="region"
      aria-label="问题清单"
    >
      {gaps.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年度未发现问题`} />
      ) : (
        TIERS.map((tier) => {
          const mine = gaps.filter((g) => g.tier === tier);
          if (mine.length === 0) return null;
          return (
            <section key={tier} aria-label={TIER_HEADINGS[tier]} data-tier={tier}>
              <Typography.Title level={5} style={{ margin: '12px 4px 4px' }}>
                {TIER_HEADINGS[tier]}（{mine.length}类）
              </Typography.Title>
              {mine.map((line) => <GapLineRow key={gapLineKey(line)} line={line} onOpen={() => onOpen(gapLineKey(line))} />)}
            </section>
          );
        })
      )}
    </Card>
  );
}
