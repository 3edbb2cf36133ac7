import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Flex, Typography } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QualityPeriod } from '@/components/quality-period';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { useDashboard } from '../api/get-dashboard';
import { ChartRow, DistributionCard, GapCountCard, RankingCard } from '../components/dashboard-charts';
import { GapDrawer } from '../components/gap-drawer';
import { GapPanel } from '../components/gap-panel';
import { KpiCards } from '../components/kpi-cards';
import { RadarCard } from '../components/radar-card';
import { ScopeDimensionsCard } from '../components/scope-dimensions-card';
import { YearsCard } from '../components/years-card';

function parseYear(raw: string | null): number | undefined {
  const y = Number(raw);
  return raw && Number.isInteger(y) ? y : undefined;
}

/** 总览: the committee's dashboard; a unit or branch secretary gets the same page for their own scope (the API scopes it). */
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const me = useMe().data;
  const dash = useDashboard(year);
  const [openGap, setOpenGap] = useState<string | null>(null);

  if (dash.isPending) return <PageSkeleton rows={14} />;
  if (dash.isError) return <QueryError error={dash.error} onRetry={() => void dash.refetch()} title="总览数据加载失败" />;

  const data = dash.data;
  const isBranch = me?.role === 'branch_secretary';
  const multiUnit = data.unitRanking.length > 1;
  const scopeName = me?.scopeOrgName;
  const scopeCard = (
    <ScopeDimensionsCard data={data} isBranch={isBranch} scopeOrgId={me?.scopeOrgId ?? null} scopeOrgName={scopeName ?? null} />
  );

  return (
    <Flex vertical gap={16} style={{ opacity: dash.isPlaceholderData ? 0.6 : 1, transition: 'opacity .2s' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {scopeName ? `${scopeName} · 总览` : '全委党建质量总览'}
        </Typography.Title>
        <QualityPeriod
          year={data.year}
          asOf={data.asOf}
          ruleVersion={data.ruleVersion}
          years={data.years}
          onYearChange={(y) => setParams({ year: String(y) })}
        />
      </Flex>
      <KpiCards data={data} showUnits={!isBranch} />
      <ChartRow left={multiUnit ? <RankingCard data={data} /> : scopeCard} right={<DistributionCard data={data} />} />
      <ChartRow
        left={<GapPanel gaps={data.topGaps} year={data.year} onOpen={setOpenGap} />}
        right={multiUnit ? <RadarCard key={data.year} data={data} /> : <GapCountCard data={data} onOpen={setOpenGap} />}
      />
      {multiUnit && <GapCountCard data={data} onOpen={setOpenGap} />}
      <YearsCard />
      <GapDrawer year={data.year} passLine={data.passLine} code={openGap} onClose={() => setOpenGap(null)} />
    </Flex>
  );
}
