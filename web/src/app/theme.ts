import type { ThemeConfig } from 'antd';

/** A sober government-office palette: antd's default blue, a dark navigation rail, compact tables. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fbf',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerPadding: '0 24px', siderBg: '#0f2748', triggerBg: '#0b1f3a' },
    Menu: { darkItemBg: '#0f2748', darkSubMenuItemBg: '#0b1f3a', darkItemSelectedBg: '#1d5fbf' },
  },
};
