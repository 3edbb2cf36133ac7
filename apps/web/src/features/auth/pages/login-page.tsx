import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import type { LoginBody } from '@wj/domain/schemas';
import { errorMessage } from '@/lib/api-client';
import { useLogin } from '../api/login';

/** Where to go after login: only a path inside this app, never another site. */
function safeFrom(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();

  const onFinish = (values: LoginBody) =>
    login.mutate(values, { onSuccess: () => navigate(safeFrom(params.get('from')), { replace: true }) });

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 100%)' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>卫健党建质量平台</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>市卫生健康委直属机关党委</Typography.Paragraph>
        {login.isError && <Alert type="error" showIcon title={errorMessage(login.error)} style={{ marginBottom: 16 }} />}
        <Form<LoginBody> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>登录</Button>
        </Form>
      </Card>
    </div>
  );
}
