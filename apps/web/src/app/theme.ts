import type { ThemeConfig } from 'antd';

/** Party red as the brand colour; everything else stays antd's default. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c4161c',
    colorLink: '#c4161c',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#c4161c', headerColor: '#fff', siderBg: '#fff' },
  },
};
