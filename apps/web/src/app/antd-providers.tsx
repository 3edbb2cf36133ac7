import type { ReactNode } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
// `antd/locale/zh_CN` was silently not applied in a vite 8 build; the es path is (TOOLING.md).
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { theme } from './theme';

dayjs.locale('zh-cn');

/**
 * antd's locale, theme and App context (messages, modals, notifications).
 * Not in the eager providers: the login page is drawn without antd, so this
 * module loads with the app shell and the error page (router.tsx), the only
 * places antd components render from (issue 11, item 8).
 */
export function AntdProviders({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
