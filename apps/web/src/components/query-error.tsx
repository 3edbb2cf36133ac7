import { Alert, Button } from 'antd';
import { errorMessage } from '@/lib/api-client';

interface QueryErrorProps {
  error: unknown;
  onRetry: () => void;
  title?: string;
}

/** A failed load: the API's Chinese message and a way to try again. */
export function QueryError({ error, onRetry, title = '数据加载失败' }: QueryErrorProps) {
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorMessage(error)}
      action={
        <Button size="small" danger onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
