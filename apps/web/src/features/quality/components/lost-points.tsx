import { Empty, Flex, Tag, Typography } from 'antd';
import { TIER_HEADINGS, TIER_LABELS, TIERS } from '@wj/domain/quality';
import type { BranchScoreDetail } from '@wj/domain/schemas';
import { SeverityMark } from '@/components/severity-mark';

type Gap = BranchScoreDetail['gaps'][number];

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Every gap grouped by tier — 党内法规, 本委工作要求, then the reminders —
 * biggest loss first within each: what is missing, how much it cost, the
 * rule behind it and what to do. A reminder costs nothing and says so.
 */
export function LostPoints({ gaps, emptyText }: { gaps: Gap[]; emptyText: string }) {
  if (gaps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Flex vertical gap={8}>
      {TIERS.map((tier) => {
        const mine = gaps.filter((g) => g.tier === tier)
          .sort((a, b) => (a.severity === b.severity ? b.points - a.points : a.severity === 'red' ? -1 : 1));
        if (mine.length === 0) return null;
        return (
          <section key={tier} aria-label={TIER_HEADINGS[tier]} data-tier={tier}>
            <Typography.Text strong type="secondary" style={{ fontSize: 13 }}>{TIER_HEADINGS[tier]}（{mine.length}）</Typography.Text>
            <ol aria-label={tier === 'reminder' ? '提醒事项' : '失分项'} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {mine.map((gap, i) => (
                <li key={`${gap.code}-${i}`} data-testid={tier === 'reminder' ? 'reminder' : 'lost-point'} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
                  <Flex align="center" gap={10}>
                    <SeverityMark severity={gap.severity} />
                    <Typography.Text strong data-testid="lost-point-message">{gap.message}</Typography.Text>
                    <Tag style={{ marginInlineStart: 'auto', flex: 'none' }}>{TIER_LABELS[gap.tier]}</Tag>
                    {tier !== 'reminder' && (
                      <Tag color={gap.severity === 'red' ? 'error' : 'warning'} style={{ marginInlineEnd: 0, flex: 'none' }}>
                        失 {round1(gap.points)} 分
                      </Tag>
                    )}
                  </Flex>
                  <Flex vertical gap={2} style={{ paddingInlineStart: 20, marginTop: 4 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>依据：{gap.source}</Typography.Text>
                    <Typography.Text style={{ fontSize: 13 }}>建议：{gap.recommendation}</Typography.Text>
                  </Flex>
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </Flex>
  );
}

export const totalLost = (gaps: Gap[]) => round1(gaps.reduce((s, g) => s + g.points, 0));
