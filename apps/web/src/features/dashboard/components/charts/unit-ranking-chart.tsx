import { useNavigate } from 'react-router';
import type { Dashboard } from '@wj/domain/schemas';
import { gradeHex } from '@/lib/quality-colors';
import { BASE_OPTION, EChart } from './echarts';

type Ranked = Dashboard['unitRanking'][number];
const shortName = (u: Ranked) => u.institutionName ?? u.name;

/** Units by total score, best on top, coloured by grade; a click opens the unit's page. */
export function UnitRankingChart({ ranking }: { ranking: Dashboard['unitRanking'] }) {
  const navigate = useNavigate();
  // echarts draws the first category at the bottom: reverse so the best unit is on top.
  const rows = [...ranking].reverse();
  const option = {
    ...BASE_OPTION,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v} 分` },
    // Units sit within a few points of each other: start the axis a step below the lowest so the gaps show.
    xAxis: { type: 'value', max: 100, min: ({ min }: { min: number }) => Math.max(0, Math.floor(min / 10) * 10 - 10) },
    yAxis: { type: 'category', data: rows.map(shortName), axisTick: { show: false } },
    series: [{
      type: 'bar',
      barMaxWidth: 18,
      cursor: 'pointer',
      label: { show: true, position: 'right' },
      data: rows.map((u) => ({ value: u.total, itemStyle: { color: gradeHex(u.grade), borderRadius: [0, 4, 4, 0] } })),
    }],
  };
  const label = `单位得分排名：${ranking.map((u, i) => `第${i + 1}名${shortName(u)}${u.total}分`).join('，')}`;
  return (
    <EChart
      option={option}
      height={Math.max(220, rows.length * 30 + 24)}
      label={label}
      onClick={({ dataIndex }) => navigate(`/orgs/${rows[dataIndex]!.orgId}`)}
    />
  );
}
