import { Flex, Input, Select } from 'antd';
import {
  EMPLOYMENT_LABELS, EMPLOYMENTS, MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS, MEMBER_STATUS_LABELS, MEMBER_STATUSES,
  TITLE_LEVEL_LABELS, TITLE_LEVELS,
} from '@wj/domain';
import type { Employment, MemberCategory, MemberStatus, TitleLevel } from '@wj/domain';

export interface MemberFilterValues {
  q?: string;
  employment?: Employment;
  titleLevel?: TitleLevel;
  category?: MemberCategory;
  status: MemberStatus;
}

const optionsOf = <T extends string>(codes: readonly T[], labels: Record<T, string>) =>
  codes.map((code) => ({ value: code, label: labels[code] }));

interface MemberFiltersProps {
  value: MemberFilterValues;
  onChange: (next: MemberFilterValues) => void;
}

/** Name search and the roster's filters; every choice maps to one API query parameter. */
export function MemberFilters({ value, onChange }: MemberFiltersProps) {
  const set = <K extends keyof MemberFilterValues>(key: K, v: MemberFilterValues[K]) => onChange({ ...value, [key]: v });
  return (
    <Flex gap={12} wrap align="center">
      <Input.Search
        allowClear
        placeholder="按姓名搜索"
        aria-label="按姓名搜索"
        defaultValue={value.q}
        onSearch={(q) => set('q', q.trim() || undefined)}
        style={{ width: 220 }}
      />
      <Select<Employment>
        allowClear
        placeholder="在职/离退休"
        aria-label="在职/离退休"
        value={value.employment}
        onChange={(v) => set('employment', v)}
        options={optionsOf(EMPLOYMENTS, EMPLOYMENT_LABELS)}
        style={{ width: 140 }}
      />
      <Select<TitleLevel>
        allowClear
        placeholder="职称"
        aria-label="职称"
        value={value.titleLevel}
        onChange={(v) => set('titleLevel', v)}
        options={optionsOf(TITLE_LEVELS, TITLE_LEVEL_LABELS)}
        style={{ width: 120 }}
      />
      <Select<MemberCategory>
        allowClear
        placeholder="正式/预备"
        aria-label="正式/预备"
        value={value.category}
        onChange={(v) => set('category', v)}
        options={optionsOf(MEMBER_CATEGORIES, MEMBER_CATEGORY_LABELS)}
        style={{ width: 140 }}
      />
      <Select<MemberStatus>
        aria-label="名册状态"
        value={value.status}
        onChange={(v) => set('status', v)}
        options={optionsOf(MEMBER_STATUSES, MEMBER_STATUS_LABELS)}
        style={{ width: 110 }}
      />
    </Flex>
  );
}
