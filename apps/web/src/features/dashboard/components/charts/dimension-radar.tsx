import { BRANCH_DIMENSIONS, DIMENSION_LABELS } from '@wj/domain/quality';
import type { DimensionAverages } from '@wj/domain/schemas';
import { BASE_OPTION, EChart } from './echarts';

type Dims = DimensionAverages;
const values = (d: Dims) => BRANCH_DIMENSIONS.map((k) => d[k] ?? 0);

/** 四强 radar: the commission's branch average against one unit's. */
export function DimensionRadar({ average, unit }: { average: Dims; unit: ({ name: string } & Dims) | undefined }) {
  const series = [{ name: '全委平均', value: values(average), lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' } }];
  if (unit) series.push({ name: unit.name, value: values(unit), lineStyle: { type: 'solid' }, itemStyle: { color: '#c4161c' } });
  const option = {
    ...BASE_OPTION,
    legend: { bottom: 0 },
    tooltip: { trigger: 'item' },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      indicator: BRANCH_DIMENSIONS.map((k) => ({ name: DIMENSION_LABELS[k], max: 100 })),
    },
    series: [{ type: 'radar', areaStyle: { opacity: 0.12 }, data: series }],
  };
  const say = (d: Dims) => BRANCH_DIMENSIONS.map((k) => `${DIMENSION_LABELS[k]}${d[k] ?? '无'}`).join('、');
  const label = `四强维度对比：全委平均 ${say(average)}${unit ? `；${unit.name} ${say(unit)}` : ''}`;
  return <EChart option={option} height={300} label={label} />;
}
