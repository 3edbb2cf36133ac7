import { useState } from 'react';
import { Card, Flex, Skeleton, Typography } from 'antd';
import { BRANCH_DIMENSIONS, DIMENSION_LABELS } from '@wj/domain/quality';
import { QueryError } from '@/components/query-error';
import { useUnitScore } from '../api/get-unit-score';
import { DimensionBars } from './dimension-bars';
import { IndicatorTable } from './indicator-table';
import { LostPoints } from './lost-points';
import { ScoreSummary } from './score-summary';
import { UnitBranchTable } from './unit-branch-table';

/** 单位得分与问题: the unit's total, its 责任落实 indicators and gaps, its branches' averages and scores. */
export function UnitQualityPanel({ orgId }: { orgId: number }) {
  const [year, setYear] = useState<number | undefined>();
  const score = useUnitScore(orgId, year);

  if (score.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (score.isError) return <QueryError error={score.error} onRetry={() => void score.refetch()} title="单位得分加载失败" />;

  const s = score.data;
  const rw = s.responsibility.weight;
  const avg = s.branchAverage;
  const bars = [
    ...BRANCH_DIMENSIONS.map((d) => ({ key: d, label: DIMENSION_LABELS[d], score: avg[d] })),
    { key: 'total', label: '支部平均总分', score: avg.total },
  ];

  return (
    <Flex vertical gap={16} style={{ opacity: score.isPlaceholderData ? 0.6 : 1 }}>
      <ScoreSummary
        title="单位得分"
        total={s.total}
        grade={s.grade}
        passLine={s.passLine}
        year={s.year}
        asOf={s.asOf}
        ruleVersion={s.ruleVersion}
        onYearChange={setYear}
      >
        责任落实 {s.responsibility.score} 分 × {rw}% + 支部平均 {avg.total ?? '—'} 分 × {100 - rw}%
      </ScoreSummary>
      <Card size="small" title={`责任落实（${s.responsibility.score}分，占单位得分 ${rw}%）`}>
        <Flex vertical gap={12}>
          <LostPoints gaps={s.gaps} emptyText="责任落实各项均已达标" />
          <IndicatorTable indicators={s.indicators} showDimension={false} />
        </Flex>
      </Card>
      <Card size="small" title={`所属支部平均（${s.branchCount}个支部，占单位得分 ${100 - rw}%）`}>
        <DimensionBars bars={bars} passLine={s.passLine} columns />
      </Card>
      <Card
        size="small"
        title="各支部得分"
        extra={<Typography.Text type="secondary">按得分从低到高，点击支部名称查看失分明细</Typography.Text>}
      >
        <UnitBranchTable branches={s.branches} />
      </Card>
    </Flex>
  );
}
