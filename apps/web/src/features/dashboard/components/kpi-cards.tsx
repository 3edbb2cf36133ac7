import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Dashboard } from '@wj/domain/schemas';
import { SIGNAL_HEX } from '@/lib/quality-colors';
import { KpiCard } from './kpi-card';

const round1 = (n: number) => Math.round(n * 10) / 10;

/** 同比: this year's average against last year's, with an arrow. */
function YearOnYear({ data }: { data: Dashboard }) {
  const prev = data.previous;
  if (!prev || prev.averageScore === null || data.averageScore === null) return <>无上一年度数据，不作同比</>;
  const diff = round1(data.averageScore - prev.averageScore);
  if (diff === 0) return <>与{prev.year}年持平（{prev.averageScore}分）</>;
  const up = diff > 0;
  return (
    <span data-testid="year-on-year">
      较{prev.year}年（{prev.averageScore}分）
      <span style={{ color: up ? SIGNAL_HEX.green : SIGNAL_HEX.red, marginInlineStart: 4 }}>
        {up ? <ArrowUpOutlined aria-label="上升" /> : <ArrowDownOutlined aria-label="下降" />} {up ? '上升' : '下降'}
        {Math.abs(diff)}分
      </span>
    </span>
  );
}

/** The five headline figures; a branch secretary's scope has no unit (that card is left out) and one score, not an average. */
export function KpiCards({ data, showUnits }: { data: Dashboard; showUnits: boolean }) {
  const { counts } = data;
  const below = data.belowPassLine;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))', gap: 16 }}>
      {showUnits && <KpiCard title="直属单位" value={counts.units} suffix="家" footer="单位级党组织" />}
      <KpiCard
        title="党支部"
        value={counts.branches}
        suffix="个"
        footer={`优良 ${data.grades.good} · 合格 ${data.grades.fair} · 不合格 ${data.grades.poor}`}
      />
      <KpiCard
        title="党员"
        value={counts.members}
        suffix="名"
        footer={<span data-testid="member-split">在职 {counts.inService} 名 / 离退休 {counts.retired} 名</span>}
      />
      <KpiCard title={showUnits ? '平均得分' : '本支部得分'} value={data.averageScore} suffix="分" precision={1} footer={<YearOnYear data={data} />} />
      <KpiCard
        title="低于合格线支部"
        value={below}
        suffix="个"
        color={below > 0 ? SIGNAL_HEX.red : SIGNAL_HEX.green}
        footer={`合格线 ${data.passLine} 分${data.previous ? `，${data.previous.year}年 ${data.previous.belowPassLine} 个` : ''}`}
      />
    </div>
  );
}
