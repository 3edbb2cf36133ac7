import { useRef, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import type { NextPage, ReportScopes } from '../api/get-report-units';
import { useReportUnitSearch } from '../api/search-report-units';
import { ALL, HINT, matchesTyped, MORE, scopeOptions } from '../lib/scope-options';

interface ReportScopeBarProps {
  years: number[];
  year: number;
  onYearChange: (year: number) => void;
  scopes: ReportScopes;
  /** The next page of units: none asked for, loading, or failed. */
  next: NextPage;
  /** 显示更多: loads the next page of units (or retries the failed one). */
  onMore: () => void;
  /** null: the whole commission. */
  unitId: number | null;
  onUnitChange: (unitId: number | null) => void;
  /** Admin and the committee's leaders may report on the commission; a unit secretary only on their unit. */
  allowCommission: boolean;
}

/** Which year and which organisation the report is about. */
export function ReportScopeBar({ years, year, onYearChange, scopes, next, onMore, unitId, onUnitChange, allowCommission }: ReportScopeBarProps) {
  // Every unit loaded (a city's 12, or a secretary's own): filtered here as typed. Else typing searches the server.
  const onServer = scopes.remaining > 0;
  const search = useReportUnitSearch(onServer);
  const options = scopeOptions({ scopes, allowCommission, next, found: search.searching ? search.found : undefined });
  // From what the scope holds, not from a search's answer: a search that finds nothing must not disable the field it is typed in.
  const choices = (allowCommission ? 1 : 0) + scopes.units.length + scopes.remaining;
  // Picking 显示更多 must not close the list: the selector's own close after a pick is skipped once.
  const [open, setOpen] = useState(false);
  const keepOpen = useRef(false);
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
          open={open}
          onOpenChange={(nextOpen) => {
            if (!nextOpen && keepOpen.current) keepOpen.current = false;
            else setOpen(nextOpen);
          }}
          onChange={(v: number) => {
            if (v === MORE) { keepOpen.current = true; onMore(); return; }
            if (v === HINT) return;
            if (search.searching) search.keepPath(v);
            onUnitChange(v === ALL ? null : v);
          }}
          disabled={choices < 2}
          showSearch={onServer
            ? { searchValue: search.typed, onSearch: search.setTyped, filterOption: matchesTyped }
            : { optionFilterProp: 'label' }}
          loading={search.isFetching}
          notFoundContent={search.isFetching ? '正在搜索…' : search.noMatch ? '没有名称匹配的单位' : undefined}
          style={{ width: 300 }}
        />
      </Space>
    </Space>
  );
}
