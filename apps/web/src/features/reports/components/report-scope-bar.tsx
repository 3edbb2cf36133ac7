import { Select, Space, Typography } from 'antd';
import type { ReportScopes } from '../api/get-report-units';

const ALL = 0;

interface ReportScopeBarProps {
  years: number[];
  year: number;
  onYearChange: (year: number) => void;
  scopes: ReportScopes;
  /** null: the whole commission. */
  unitId: number | null;
  onUnitChange: (unitId: number | null) => void;
  /** Admin and the committee's leaders may report on the commission; a unit secretary only on their unit. */
  allowCommission: boolean;
}

/** Which year and which organisation the report is about. */
export function ReportScopeBar({ years, year, onYearChange, scopes, unitId, onUnitChange, allowCommission }: ReportScopeBarProps) {
  const options = [
    ...(allowCommission ? [{ value: ALL, label: `全委（${scopes.rootName}）` }] : []),
    ...scopes.units.map((u) => ({ value: u.id, label: u.label, title: u.name })),
  ];
  const yearOptions = [...new Set([...years, year])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年度` }));
  return (
    <Space size={16} wrap>
      <Space size={8}>
        <Typography.Text>年度</Typography.Text>
        <Select aria-label="报告年度" value={year} options={yearOptions} onChange={onYearChange} style={{ width: 120 }} />
      </Space>
      <Space size={8}>
        <Typography.Text>范围</Typography.Text>
        <Select
          aria-label="报告范围"
          value={unitId ?? ALL}
          options={options}
          onChange={(v: number) => onUnitChange(v === ALL ? null : v)}
          disabled={options.length < 2}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 300 }}
        />
      </Space>
    </Space>
  );
}
