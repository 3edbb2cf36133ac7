import { useState } from 'react';
import { Link } from 'react-router';
import { Card, Flex, Skeleton, Statistic, Tag, Typography } from 'antd';
import type { TodoItemView } from '@wj/domain/quality';
import { GradeTag } from '@/components/grade-tag';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { useOwnBranchScore } from '../api/get-own-score';
import { useTodos } from '../api/get-todos';
import { TodoList } from '../components/todo-list';
import type { RenderTodoForm } from './todos-page';

/**
 * A branch secretary's 总览: what the rules expect of the branch now (待办)
 * and the branch's own score — not the commission's charts.
 */
export function BranchHome({ renderForm }: { renderForm?: RenderTodoForm }) {
  const me = useMe();
  const branchId = me.data?.scopeOrgId ?? null;
  const todos = useTodos();
  const score = useOwnBranchScore(branchId);
  const [open, setOpen] = useState<TodoItemView | null>(null);
  const items = todos.data?.units.flatMap((u) => u.items) ?? [];

  return (
    <Flex vertical gap={16}>
      <Card
        title={<Flex align="center" gap={8}><span>本支部待办</span><Tag color="red">逾期 {todos.data?.overdue ?? 0}</Tag><Tag color="orange">共 {todos.data?.count ?? 0} 项</Tag></Flex>}
        extra={<Link to="/todos">全部待办</Link>}
        size="small"
      >
        {todos.isError ? <QueryError error={todos.error} onRetry={() => void todos.refetch()} title="待办加载失败" />
          : !todos.data ? <Skeleton active />
            : <TodoList items={items} showOrg={false} canAct onOpen={setOpen} />}
      </Card>
      <Card title="本支部得分" size="small" extra={branchId ? <Link to={`/orgs/${branchId}?tab=quality`}>得分明细</Link> : null}>
        {score.isError ? <QueryError error={score.error} onRetry={() => void score.refetch()} title="支部得分加载失败" />
          : !score.data ? <Skeleton active paragraph={{ rows: 1 }} />
            : (
              <Flex align="center" gap={24} wrap>
                <Statistic title={`${score.data.year}年度得分`} value={score.data.total} precision={1} suffix="分" />
                <GradeTag grade={score.data.grade} />
                <Typography.Text type="secondary">
                  {score.data.gaps.length ? `失分项 ${score.data.gaps.length} 处，办完待办即可避免新的失分` : '暂无失分项'}
                </Typography.Text>
              </Flex>
            )}
      </Card>
      {open && renderForm?.(open, () => setOpen(null))}
    </Flex>
  );
}
