import { Link } from 'react-router';
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import type { Dashboard } from '@wj/domain/schemas';
import { DistributionChart, GapCountChart, UnitRankingChart } from './lazy-charts';

const fill = { height: '100%' } as const;

export function RankingCard({ data }: { data: Dashboard }) {
  return (
    <Card title="单位得分排名" extra={<Typography.Text type="secondary">点击柱条进入单位页面</Typography.Text>} style={fill}>
      {data.unitRankingOmitted > 0 && (
        <Typography.Paragraph type="secondary">
          共{data.counts.units}个单位，显示得分最高和最低的各{data.unitRanking.length / 2}个；其余{data.unitRankingOmitted}个单位的得分见各单位页面（<Link to="/orgs">组织架构</Link>）。
        </Typography.Paragraph>
      )}
      <UnitRankingChart ranking={data.unitRanking} omitted={data.unitRankingOmitted} />
    </Card>
  );
}

export function DistributionCard({ data }: { data: Dashboard }) {
  return (
    <Card
      title="支部得分分布"
      extra={
        <Flex gap={4}>
          <Tag color="success">优良 {data.grades.good}</Tag>
          <Tag color="warning">合格 {data.grades.fair}</Tag>
          <Tag color="error" style={{ marginInlineEnd: 0 }}>不合格 {data.grades.poor}</Tag>
        </Flex>
      }
      style={fill}
    >
      <DistributionChart data={data} />
    </Card>
  );
}

export function GapCountCard({ data, onOpen }: { data: Dashboard; onOpen: (code: string) => void }) {
  if (data.topGaps.length === 0) return null;
  return (
    <Card title="问题分布（涉及组织数）" extra={<Typography.Text type="secondary">点击柱条查看名单</Typography.Text>} style={fill}>
      <GapCountChart gaps={data.topGaps} onOpen={onOpen} />
    </Card>
  );
}

/** Two cards side by side on wide screens, stacked on narrow ones. */
export function ChartRow({ left, right }: { left: React.ReactNode; right: React.ReactNode }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>{left}</Col>
      <Col xs={24} xl={10}>{right}</Col>
    </Row>
  );
}
