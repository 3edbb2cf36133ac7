import { useNavigate } from 'react-router';
import type { Dashboard } from '@wj/domain/schemas';
import { gradeHex } from '@/lib/quality-colors';
import { BASE_OPTION, EChart } from './echarts';

type Ranked = Dashboard['unitRanking'][number];
const shortName = (u: Ranked) => u.institutionName ?? u.name;

/**
 * Units by total score, best on top, coloured by grade; a click opens the unit's page. Past RANKING_MAX units the
 * dashboard sends the two ends only (`omitted` between them, @wj/domain's rankingEnds): a bar-less row marks the cut.
 */
export function UnitRankingChart({ ranking, omitted = 0 }: { ranking: Dashboard['unitRanking']; omitted?: number }) {
  const navigate = useNavigate();
  // The first half: the best (the server sends 15 and 15; an odd count puts the extra one above the cut).
  const half = Math.ceil(ranking.length / 2);
  // Each unit with its place: below the cut, the omitted units come before it.
  const placed = ranking.map((u, i) => ({ u, place: omitted > 0 && i >= half ? i + omitted + 1 : i + 1 }));
  const cut = `……（其余${omitted}个单位）`;
  const listed: ({ u: Ranked; place: number } | null)[] = omitted > 0 ? [...placed.slice(0, half), null, ...placed.slice(half)] : placed;
  // echarts draws the first category at the bottom: reverse so the best unit is on top.
  const rows = [...listed].reverse();
  const option = {
    ...BASE_OPTION,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number | string) => (typeof v === 'number' ? `${v} 分` : '') },
    // Units sit within a few points of each other: start the axis a step below the lowest so the gaps show.
    xAxis: { type: 'value', max: 100, min: ({ min }: { min: number }) => Math.max(0, Math.floor(min / 10) * 10 - 10) },
    yAxis: { type: 'category', data: rows.map((r) => (r ? shortName(r.u) : cut)), axisTick: { show: false } },
    series: [{
      type: 'bar',
      barMaxWidth: 18,
      cursor: 'pointer',
      label: { show: true, position: 'right' },
      data: rows.map((r) => (r ? { value: r.u.total, itemStyle: { color: gradeHex(r.u.grade), borderRadius: [0, 4, 4, 0] } } : '-')),
    }],
  };
  const label = `单位得分排名：${listed.map((r) => (r ? `第${r.place}名${shortName(r.u)}${r.u.total}分` : cut)).join('，')}`;
  return (
    <EChart
      option={option}
      height={Math.max(220, rows.length * 30 + 24)}
      label={label}
      onClick={({ dataIndex }) => { const r = rows[dataIndex]; if (r) navigate(`/orgs/${r.u.orgId}`); }}
    />
  );
}
