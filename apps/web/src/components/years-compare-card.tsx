import { Card, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { GRADE_LABELS, TIER_LABELS, TIERS } from '@wj/domain/quality';
import type { YearSummary, YearsSummary } from '@/lib/years-summary';
import { QueryError } from './query-error';

const dash = '—';
const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function columns(withUnit: boolean): TableColumnsType<YearSummary> {
  return [
    {
      title: '年度', dataIndex: 'year', key: 'year', width: 120,
      // A year judged to a day before its end is 序时 (to date), not the whole year.
      render: (year: number, r) => (r.asOf < `${year}-12-31` ? <span>{year}<Typography.Text type="secondary">（截至{md(r.asOf)}）</Typography.Text></span> : year),
    },
    ...(withUnit ? [{ title: '单位得分', dataIndex: 'unitScore', key: 'unitScore', align: 'right' as const, render: (v: number | null) => v ?? dash }] : []),
    { title: '支部平均分', dataIndex: 'averageScore', key: 'averageScore', align: 'right', render: (v: number | null) => (v === null ? dash : v.toFixed(1)) },
    {
      title: '等次（个）', key: 'grades',
      children: (['good', 'fair', 'poor'] as const).map((g) => ({
        title: GRADE_LABELS[g], key: `grade-${g}`, align: 'right' as const, render: (_: unknown, r: YearSummary) => r.grades[g],
      })),
    },
    {
      title: <Tooltip title="涉及的组织数（各类问题相加）">问题数</Tooltip>, key: 'tiers',
      children: TIERS.map((t) => ({
        title: TIER_LABELS[t], key: `tier-${t}`, align: 'right' as const,
        render: (_: unknown, r: YearSummary) => <Tooltip title={`${r.tiers[t].kinds}类`}>{r.tiers[t].count}</Tooltip>,
      })),
    },
  ];
}

/**
 * 历年对比: every data year side by side — average score, grade counts and
 * problems by tier (党内法规 / 本委工作要求 / 提醒) — for the dashboard's scope
 * or one unit. The caller owns the query (its key lives in its feature).
 */
export function YearsCompareCard({ query, withUnit = false }: { query: UseQueryResult<YearsSummary>; withUnit?: boolean }) {
  return (
    <Card title="历年对比" role="region" aria-label="历年对比" size="small">
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} title="历年对比加载失败" />
      ) : (
        <Table<YearSummary>
          rowKey="year"
          size="small"
          bordered
          pagination={false}
          loading={query.isPending}
          dataSource={query.data?.items ?? []}
          columns={columns(withUnit)}
          locale={{ emptyText: '暂无历年评价数据' }}
          scroll={{ x: 'max-content' }}
        />
      )}
    </Card>
  );
}
