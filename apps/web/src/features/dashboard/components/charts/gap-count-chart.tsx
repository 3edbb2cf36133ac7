import { gapLineKey } from '@wj/domain/quality';
import type { Dashboard } from '@wj/domain/schemas';
import { SIGNAL_HEX } from '@/lib/quality-colors';
import { gapLabel } from '../../lib/gap-label';
import { BASE_OPTION, EChart } from './echarts';

type Line = Dashboard['topGaps'][number];

/** How many organisations have each gap, red and amber stacked; a click opens the list behind the bar. */
export function GapCountChart({ gaps, onOpen }: { gaps: Line[]; onOpen: (code: string) => void }) {
  const rows = [...gaps].reverse();
  const option = {
    ...BASE_OPTION,
    legend: { top: 0, data: ['红色', '黄色'] },
    grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map(gapLabel), axisTick: { show: false } },
    series: [
      { name: '红色', type: 'bar', stack: 'n', barMaxWidth: 16, cursor: 'pointer', itemStyle: { color: SIGNAL_HEX.red }, data: rows.map((g) => g.red) },
      {
        name: '黄色', type: 'bar', stack: 'n', barMaxWidth: 16, cursor: 'pointer', itemStyle: { color: SIGNAL_HEX.amber },
        label: { show: true, position: 'right', color: '#595959', formatter: ({ dataIndex }: { dataIndex: number }) => String(rows[dataIndex]!.count) },
        data: rows.map((g) => g.amber),
      },
    ],
  };
  return (
    <EChart
      option={option}
      height={Math.max(200, rows.length * 26 + 48)}
      label={`问题分布：${gaps.map((g) => g.text).join('，')}`}
      onClick={({ dataIndex }) => onOpen(gapLineKey(rows[dataIndex]!))}
    />
  );
}
