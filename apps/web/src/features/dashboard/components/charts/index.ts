// The chart module, loaded on demand (see lazy-charts.tsx) so echarts stays out of the first load.
export { DistributionChart } from './distribution-chart';
export { UnitRankingChart } from './unit-ranking-chart';
export { DimensionRadar } from './dimension-radar';
export { GapCountChart } from './gap-count-chart';
