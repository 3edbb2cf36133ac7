import { Alert, Button } from 'antd';
import { ApiError, errorMessage } from '@/lib/api-client';

interface QueryErrorProps {
  error: unknown;
  onRetry: () => void;
  title?: string;
}

/**
 * A failed load: the API's Chinese message and a way to try again. A refusal
 * (403: the record is outside the user's scope) is no failure and trying
 * again changes nothing: it says 无权访问, without 重试.
 */
export function QueryError({ error, onRetry, title = '数据加载失败' }: QueryErrorProps) {
  if (error instanceof ApiError && error.status === 403) {
    return <Alert type="warning" showIcon title="无权访问" description={error.message || '该数据不在您的管理范围内'} data-testid="no-access" />;
  }
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
