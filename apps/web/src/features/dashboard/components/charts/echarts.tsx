import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws: about half of the full echarts bundle (TOOLING.md).
// `esm/core` rather than `lib/core`: the latter breaks under vite 8 (React error #130).
echarts.use([BarChart, RadarChart, GridComponent, LegendComponent, RadarComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: ChartOption;
  height: number;
  /** Read out instead of the canvas, which says nothing to a screen reader. */
  label: string;
  onClick?: (params: { dataIndex: number; name: string }) => void;
}

export function EChart({ option, height, label, onClick }: EChartProps) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        onEvents={onClick ? { click: onClick } : undefined}
      />
    </div>
  );
}

/** Shared look: Chinese font stack, no animation lag on refetch. */
export const BASE_OPTION = {
  textStyle: { fontFamily: "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif" },
  animationDuration: 300,
} as const;
