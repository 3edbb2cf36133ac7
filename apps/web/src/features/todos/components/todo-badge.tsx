import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTodos } from '../api/get-todos';
import { headerCount } from '../lib/todo-links';

/** The header's 待办 count (overdue ones for the commission); opens the 待办 page. */
export function TodoBadge({ compact }: { compact: boolean }) {
  const navigate = useNavigate();
  const todos = useTodos();
  const n = headerCount(todos.data);
  const label = todos.data?.scope === 'commission' ? `逾期待办 ${n} 项` : `待办 ${n} 项`;
  return (
    <Badge count={n} size="small" overflowCount={99} offset={[-4, 4]}>
      <Button
        type="text"
        size="small"
        icon={<BellOutlined />}
        aria-label={label}
        data-testid="todo-badge"
        onClick={() => navigate('/todos')}
        style={{ color: '#fff' }}
      >
        {compact ? null : '待办'}
      </Button>
    </Badge>
  );
}
