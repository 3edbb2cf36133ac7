import { Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { closedYearLabel, useYearStatus } from '@/lib/year-status';

/** '2026-11-20' → '2026年11月20日'. */
export const formatCnDate = (iso: string) => dayjs(iso).format('YYYY年M月D日');

interface QualityPeriodProps {
  year: number;
  asOf: string;
  ruleVersion?: number;
  /** Years the user may switch to; no selector when absent or when only the shown year exists. */
  years?: number[];
  onYearChange?: (year: number) => void;
}

/** Which year and as-of date a score was computed for, and a way to pick another year. */
export function QualityPeriod({ year, asOf, ruleVersion, years, onYearChange }: QualityPeriodProps) {
  const options = [...new Set([...(years ?? []), year])].sort((a, b) => b - a);
  const closed = closedYearLabel(useYearStatus().data, year);
  return (
    <Space size={12} wrap>
      {onYearChange && options.length > 1 && (
        <Select
          aria-label="评价年度"
          size="small"
          value={year}
          style={{ width: 110 }}
          options={options.map((y) => ({ value: y, label: `${y}年度` }))}
          onChange={onYearChange}
        />
      )}
      {closed && <Tag color="blue" data-testid="closed-year-tag">{closed}</Tag>}
      <Typography.Text type="secondary" data-testid="quality-period">
        评价年度 {year} · 截至 {formatCnDate(asOf)}
        {ruleVersion !== undefined && ` · 评分规则第${ruleVersion}版`}
      </Typography.Text>
    </Space>
  );
}
