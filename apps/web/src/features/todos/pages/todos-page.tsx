import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Flex, Segmented, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TodoItemView } from '@wj/domain/quality';
import { parseId } from '@wj/domain/schemas';
import { formatCnDate } from '@/components/quality-period';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { useTodos } from '../api/get-todos';
import { TodoList } from '../components/todo-list';

export type RenderTodoForm = (item: TodoItemView, close: () => void) => ReactNode;

/**
 * 待办 for every role: a branch its own items; a unit its own and its
 * branches'; the commission what is overdue in each unit, with a drill-down
 * (?unitId=) into one unit's whole list. A meeting item opens the record
 * form right here, prefilled (the app layer supplies the form).
 */
export function TodosPage({ renderForm }: { renderForm?: RenderTodoForm }) {
  const [params, setParams] = useSearchParams();
  const unitId = parseId(params.get('unitId')) ?? undefined;
  const todos = useTodos(unitId);
  const me = useMe();
  const [open, setOpen] = useState<TodoItemView | null>(null);
  const [filter, setFilter] = useState<'all' | 'overdue'>('all');
  const canAct = me.data?.role !== 'viewer';
  const drill = (id: number | null) => setParams(id === null ? {} : { unitId: String(id) });

  if (todos.isError) return <Card><QueryError error={todos.error} onRetry={() => void todos.refetch()} title="待办加载失败" /></Card>;
  if (!todos.data) return <Card><Skeleton active /></Card>;
  const l = todos.data;
  const items = l.units.flatMap((u) => u.items).filter((i) => filter === 'all' || i.status === 'overdue');

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex align="center" gap={12} wrap>
          {unitId !== undefined && me.data?.scopeOrgId == null && (
            <Button icon={<ArrowLeftOutlined />} onClick={() => drill(null)}>各单位</Button>
          )}
          <Typography.Title level={4} style={{ margin: 0 }}>
            {l.scope === 'commission' ? '各单位逾期待办' : unitId !== undefined ? `${l.units[0]?.unitName ?? ''}待办` : '待办'}
          </Typography.Title>
          <Tag color="red">逾期 {l.overdue}</Tag>
          {l.scope !== 'commission' && <Tag color="orange">共 {l.count} 项</Tag>}
          <Typography.Text type="secondary">截至{formatCnDate(l.asOf)}，按现行评分规则计算</Typography.Text>
          {l.scope !== 'commission' && (
            <Segmented
              size="small"
              value={filter}
              onChange={(v) => setFilter(v as 'all' | 'overdue')}
              options={[{ value: 'all', label: '全部' }, { value: 'overdue', label: '只看逾期' }]}
              style={{ marginInlineStart: 'auto' }}
            />
          )}
        </Flex>
      </Card>
      {l.scope === 'commission' ? (
        l.units.length === 0 ? <Card><TodoList items={[]} showOrg canAct={false} onOpen={() => {}} emptyText="各单位目前没有逾期事项" /></Card> : l.units.map((u) => (
          <Card
            key={u.unitId}
            size="small"
            title={<Typography.Text strong ellipsis>{u.unitName}</Typography.Text>}
            extra={<Button size="small" onClick={() => drill(u.unitId)}>逾期 {u.overdue} 项 · 查看全部</Button>}
          >
            <TodoList items={u.items} showOrg canAct={false} onOpen={setOpen} />
          </Card>
        ))
      ) : (
        <Card size="small">
          <TodoList items={items} showOrg={l.scope !== 'branch'} canAct={canAct} onOpen={setOpen} />
        </Card>
      )}
      {open && renderForm?.(open, () => setOpen(null))}
    </Flex>
  );
}
