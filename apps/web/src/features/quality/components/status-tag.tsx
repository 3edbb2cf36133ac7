import { Tag } from 'antd';
import type { IndicatorStatus } from '@wj/domain/quality';

const STATUS: Record<IndicatorStatus, { label: string; color: string }> = {
  met: { label: '达标', color: 'success' },
  partial: { label: '部分达标', color: 'warning' },
  unmet: { label: '未达标', color: 'error' },
  na: { label: '不适用', color: 'default' },
};

export function StatusTag({ status }: { status: IndicatorStatus }) {
  return <Tag color={STATUS[status].color} style={{ marginInlineEnd: 0 }}>{STATUS[status].label}</Tag>;
}
