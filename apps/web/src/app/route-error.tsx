import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button, Result } from 'antd';
import { NotFoundPage } from './not-found';

/** Shown when rendering a route throws: never a blank screen or an English stack trace. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <Result
      status="error"
      title="页面出错了"
      subTitle="页面显示时发生错误，请刷新重试；如果问题持续存在，请联系管理员。"
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>,
        <Link key="home" to="/">
          <Button>返回总览</Button>
        </Link>,
      ]}
    />
  );
}
