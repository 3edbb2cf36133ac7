import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';
import { Skeleton } from 'antd';

// One chunk for all four charts (echarts and its renderer): fetched after the page's figures are on screen.
const load = () => import('./charts');

const LazyDistribution = lazy(() => load().then((m) => ({ default: m.DistributionChart })));
const LazyUnitRanking = lazy(() => load().then((m) => ({ default: m.UnitRankingChart })));
const LazyRadar = lazy(() => load().then((m) => ({ default: m.DimensionRadar })));
const LazyGapCount = lazy(() => load().then((m) => ({ default: m.GapCountChart })));

function suspended<P extends object>(Chart: ComponentType<P>) {
  return function SuspendedChart(props: P) {
    return (
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 220 }} />}>
        <Chart {...props} />
      </Suspense>
    );
  };
}

export const DistributionChart = suspended<ComponentProps<typeof LazyDistribution>>(LazyDistribution);
export const UnitRankingChart = suspended<ComponentProps<typeof LazyUnitRanking>>(LazyUnitRanking);
export const DimensionRadar = suspended<ComponentProps<typeof LazyRadar>>(LazyRadar);
export const GapCountChart = suspended<ComponentProps<typeof LazyGapCount>>(LazyGapCount);
