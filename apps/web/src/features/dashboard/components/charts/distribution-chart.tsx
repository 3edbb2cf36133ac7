import type { Dashboard } from '@wj/domain/schemas';
import { SIGNAL_HEX } from '@/lib/quality-colors';
import { BASE_OPTION, EChart } from './echarts';

/** How many branches fall in each score band; bands below the pass line in red. */
export function DistributionChart({ data }: { data: Dashboard }) {
  const option = {
    ...BASE_OPTION,
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v} 个支部` },
    xAxis: { type: 'category', data: data.distribution.map((b) => b.label), axisTick: { alignWithLabel: true }, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '支部数', nameTextStyle: { align: 'left' } },
    series: [{
      type: 'bar',
      barMaxWidth: 48,
      label: { show: true, position: 'top' },
      data: data.distribution.map((b) => ({
        value: b.count,
        itemStyle: { color: b.to <= data.passLine ? SIGNAL_HEX.red : '#1677ff', borderRadius: [4, 4, 0, 0] },
      })),
    }],
  };
  const summary = data.distribution.map((b) => `${b.label}${b.count}个`).join('，');
  return <EChart option={option} height={260} label={`支部得分分布：${summary}`} />;
}
