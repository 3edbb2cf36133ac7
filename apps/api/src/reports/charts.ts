/**
 * The report's charts as echarts options (plain, structured-cloneable): the
 * render worker draws them (chart-render.ts), so neither echarts nor resvg is
 * loaded on the main thread.
 */
import { RANKING_MAX, rankingEnds } from '@wj/domain/quality';

export interface ChartSpec { option: Record<string, unknown>; width: number; height: number }

const spec = (option: Record<string, unknown>, width: number, height: number): ChartSpec => ({ option, width, height });

/** 图：支部得分分布 — branches per score band, the band below the pass line in red. */
export function distributionChart(buckets: { label: string; count: number; to: number }[], passLine: number): ChartSpec {
  return spec({
    grid: { left: 50, right: 20, top: 30, bottom: 40 },
    xAxis: { type: 'category', data: buckets.map((b) => b.label), axisLabel: { fontSize: 13 } },
    yAxis: { type: 'value', name: '支部数（个）', minInterval: 1, nameTextStyle: { fontSize: 12 } },
    series: [{
      type: 'bar', barWidth: '55%',
      data: buckets.map((b) => ({ value: b.count, itemStyle: { color: b.to <= passLine ? '#c0392b' : '#3a6ea5' } })),
      label: { show: true, position: 'top', fontSize: 13 },
    }],
  }, 600, 300);
}

/** Beyond this many bars a ranking shows only its two ends (a province-sized tree has hundreds of units): @wj/domain's rule. */
export { RANKING_MAX };

/** 图：综合得分排名 — one bar per organisation, best on top, with the pass line marked; the best and worst 15 when there are more than 30. */
export function rankingChart(rows: { name: string; total: number }[], passLine: number): ChartSpec {
  const sorted = rankingEnds([...rows].sort((a, b) => a.total - b.total)).shown;
  const height = Math.max(220, 60 + sorted.length * 22);
  const longest = Math.max(4, ...sorted.map((r) => r.name.length));
  return spec({
    grid: { left: 16 + longest * 12, right: 50, top: 20, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { fontSize: 12 } },
    series: [{
      type: 'bar', barWidth: 14,
      data: sorted.map((r) => ({ value: r.total, itemStyle: { color: r.total < passLine ? '#c0392b' : '#3a6ea5' } })),
      label: { show: true, position: 'right', fontSize: 12 },
      markLine: { symbol: 'none', silent: true, lineStyle: { color: '#c0392b', type: 'dashed' }, label: { formatter: `合格线${passLine}` }, data: [{ xAxis: passLine }] },
    }],
  }, 600, height);
}
