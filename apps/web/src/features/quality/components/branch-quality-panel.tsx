import { useState } from 'react';
import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { BRANCH_DIMENSIONS, DIMENSION_LABELS } from '@wj/domain/quality';
import { QueryError } from '@/components/query-error';
import { useBranchScore } from '@/lib/branch-score';
import { DimensionBars } from './dimension-bars';
import { IndicatorTable } from './indicator-table';
import { LostPoints, totalLost } from './lost-points';
import { ScoreSummary } from './score-summary';

/** 支部得分与失分: the branch's total, its four dimensions, every lost point and every indicator. */
export function BranchQualityPanel({ orgId }: { orgId: number }) {
  const [year, setYear] = useState<number | undefined>();
  const score = useBranchScore(orgId, year);

  if (score.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (score.isError) return <QueryError error={score.error} onRetry={() => void score.refetch()} title="支部得分加载失败" />;

  const s = score.data;
  const problems = s.gaps.filter((g) => g.tier !== 'reminder');
  const red = problems.filter((g) => g.severity === 'red').length;
  const reminders = s.gaps.length - problems.length;
  const bars = BRANCH_DIMENSIONS.map((d) => ({
    key: d,
    label: DIMENSION_LABELS[d],
    score: s.dimensions[d].applicable ? s.dimensions[d].score : null,
    note: `权重 ${s.dimensions[d].weight}%`,
  }));

  return (
    <Flex vertical gap={16} style={{ opacity: score.isPlaceholderData ? 0.6 : 1 }}>
      <ScoreSummary
        title="支部得分"
        total={s.total}
        grade={s.grade}
        passLine={s.passLine}
        year={s.year}
        asOf={s.asOf}
        ruleVersion={s.ruleVersion}
        onYearChange={setYear}
      >
        {problems.length === 0 ? '没有问题' : `问题 ${problems.length} 处（红色 ${red} 处），合计失 ${totalLost(problems)} 分`}
        {reminders > 0 && `；提醒事项 ${reminders} 项`}
      </ScoreSummary>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title="四强维度" style={{ height: '100%' }}>
            <DimensionBars bars={bars} passLine={s.passLine} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16, marginBottom: 0 }}>
              总分 = 各维度得分 × 权重之和；低于合格线（{s.passLine}分）的维度以红色显示。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card
            size="small"
            title="失分项"
            extra={<Typography.Text type="secondary">失分按维度权重折算到百分制总分</Typography.Text>}
            style={{ height: '100%' }}
          >
            <LostPoints gaps={s.gaps} emptyText={`${s.year}年度各项指标均已达标，没有失分`} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="全部指标" extra={<Typography.Text type="secondary">得分为维度内分值</Typography.Text>}>
        <IndicatorTable indicators={s.indicators} />
      </Card>
    </Flex>
  );
}
