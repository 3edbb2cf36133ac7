import { useState } from 'react';
import { Button, Card, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { UnitPlan } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { todayIso } from '@wj/domain/schemas';
import { usePlans } from '../api/plans';
import { rulesOrDefault, useRulesInForce } from '@/lib/rules-in-force';
import { currentYear } from '../lib/dates';
import { PLAN_STATUS_TAG, planRows, planStatus } from '../lib/plan-status';
import { PlanFormModal } from './plan-form-modal';

type Row = { year: number; plan: UnitPlan | undefined };

/** 年度党建工作计划 by year, with whether it came by the rule set's deadline (default 31 March). */
export function PlansSection({ unitId, canWrite }: { unitId: number; canWrite: boolean }) {
  const plans = usePlans(unitId);
  const [editing, setEditing] = useState<{ year: number; plan: UnitPlan | undefined } | null>(null);
  const thisYear = currentYear();
  const params = rulesOrDefault(useRulesInForce().data).params;
  const today = todayIso();

  const columns: TableColumnsType<Row> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '计划标题', key: 'title', render: (_, r) => r.plan?.title ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '提交日期', key: 'submitted', width: 120, render: (_, r) => formatDate(r.plan?.submittedDate) },
    {
      title: '报送情况',
      key: 'status',
      width: 110,
      render: (_, r) => {
        const tag = PLAN_STATUS_TAG[planStatus(r.year, r.plan, today, params)];
        return <Tag color={tag.color}>{tag.label}</Tag>;
      },
    },
    ...(canWrite
      ? [{
          title: '操作',
          key: 'actions',
          width: 90,
          render: (_: unknown, r: Row) => (
            <Button type="link" size="small" onClick={() => setEditing(r)}>{r.plan ? '修改' : '报送'}</Button>
          ),
        }]
      : []),
  ];

  const nextYear = thisYear + 1;
  const hasNext = plans.data?.some((p) => p.year === nextYear) ?? true;
  return (
    <Card
      size="small"
      title="年度党建工作计划"
      extra={canWrite && !hasNext && <Button size="small" onClick={() => setEditing({ year: nextYear, plan: undefined })}>报送{nextYear}年计划</Button>}
    >
      {plans.isPending ? (
        <Skeleton active />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} title="年度计划加载失败" />
      ) : (
        <Table<Row>
          rowKey="year"
          size="small"
          columns={columns}
          dataSource={planRows(plans.data, thisYear)}
          pagination={false}
          expandable={{
            rowExpandable: (r) => Boolean(r.plan?.content || r.plan?.fileName),
            expandedRowRender: (r) => (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {r.plan?.content}
                {r.plan?.fileName && <Typography.Text type="secondary">{`\n附件：${r.plan.fileName}`}</Typography.Text>}
              </Typography.Paragraph>
            ),
          }}
        />
      )}
      {editing && <PlanFormModal unitId={unitId} {...editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
