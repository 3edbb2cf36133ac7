import { Empty, Flex } from 'antd';
import type { TodoItemView } from '@wj/domain/quality';
import { TodoItemCard } from './todo-item-card';

interface TodoListProps {
  items: TodoItemView[];
  showOrg: boolean;
  canAct: boolean;
  onOpen: (item: TodoItemView) => void;
  emptyText?: string;
}

export function TodoList({ items, showOrg, canAct, onOpen, emptyText = '按现行规则，目前没有到期或逾期的事项' }: TodoListProps) {
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />;
  return (
    <Flex vertical gap={8} data-testid="todo-list">
      {items.map((i) => <TodoItemCard key={i.key} item={i} showOrg={showOrg} canAct={canAct} onOpen={onOpen} />)}
    </Flex>
  );
}
