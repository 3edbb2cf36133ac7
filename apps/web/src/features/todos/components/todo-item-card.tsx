import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TodoItemView } from '@wj/domain/quality';
import { formatCnDate } from '@/components/quality-period';
import { actionLabel, isInlineForm, targetHref } from '../lib/todo-links';

interface TodoItemCardProps {
  item: TodoItemView;
  /** Show which branch or unit the item belongs to (unit and commission lists). */
  showOrg: boolean;
  /** Whether the user may settle it (a read-only leader only reads). */
  canAct: boolean;
  onOpen: (item: TodoItemView) => void;
}

/** One 待办: what, by when, under which rule, and the button that opens the form settling it. */
export function TodoItemCard({ item, showOrg, canAct, onOpen }: TodoItemCardProps) {
  const overdue = item.status === 'overdue';
  const action = !canAct ? null : isInlineForm(item.target) ? (
    <Button type="primary" size="small" onClick={() => onOpen(item)}>{actionLabel(item.target)}</Button>
  ) : (
    <Link to={targetHref(item.target)}><Button size="small">{actionLabel(item.target)}</Button></Link>
  );
  return (
    <Card size="small" data-testid="todo-item" data-kind={item.kind} data-gap={item.gapCode ?? ''} styles={{ body: { padding: '10px 12px' } }}>
      <Flex vertical gap={4}>
        <Flex align="flex-start" gap={8} wrap={false}>
          <Tag color={overdue ? 'red' : 'orange'} style={{ marginInlineEnd: 0, flex: 'none' }}>{overdue ? '逾期' : '待办'}</Tag>
          <Typography.Text strong style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{item.title}</Typography.Text>
          <span style={{ flex: 'none' }}>{action}</span>
        </Flex>
        <Typography.Text type={overdue ? 'danger' : 'secondary'}>
          {overdue ? '应于' : '截止'}{formatCnDate(item.dueDate)}{overdue ? '完成' : ''}
          {showOrg && <Typography.Text type="secondary"> · {item.orgName}</Typography.Text>}
        </Typography.Text>
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>{item.detail}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12, overflowWrap: 'anywhere' }} ellipsis={{ rows: 1, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}>
          依据：{item.rule}
        </Typography.Paragraph>
      </Flex>
    </Card>
  );
}
