import { useMemo, useState } from 'react';
import { Flex, Table } from 'antd';
import { QueryError } from '@/components/query-error';
import { useAudit, type AuditEntry, type AuditFilters as Filters } from '../../api/get-audit';
import { useOrgNames } from '@/lib/org-tree-levels';
import { flatten } from '../../lib/audit-diff';
import { auditColumns } from './audit-columns';
import { AuditDiffView } from './audit-diff-view';
import { AuditFilters, type AuditFilterValues } from './audit-filters';

const PAGE_SIZES = [20, 50, 100];

/** The fields the diff names as orgs (audit-diff.ts's formatValue). */
const ORG_ID_FIELD = /(^|\.)(orgId|unitId|parentId|scopeOrgId|movedTo)$/;

/** Every org id a page of entries shows: each entry's org and the org fields of its before and after. */
function orgIdsOf(entries: AuditEntry[]): number[] {
  const ids = new Set<number>();
  for (const e of entries) {
    if (e.orgId != null) ids.add(e.orgId);
    for (const side of [e.before, e.after]) {
      for (const [path, v] of flatten(side)) if (typeof v === 'number' && ORG_ID_FIELD.test(path)) ids.add(v);
    }
  }
  return [...ids];
}

/** 审计日志: every write, newest first, filtered on the server and paged; a row opens its before/after. */
export function AuditTab() {
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: PAGE_SIZES[0]! });
  const audit = useAudit(filters);
  // Names for the orgs this page of entries mentions, not the whole tree.
  const names = useOrgNames(useMemo(() => orgIdsOf(audit.data?.items ?? []), [audit.data]));
  const { columns, orgName } = useMemo(() => {
    const known = names.data ?? new Map<number, string>();
    const nameOf = (id: number) => known.get(id);
    return { columns: auditColumns(nameOf), orgName: nameOf };
  }, [names.data]);
  const filtered = Boolean(filters.username || filters.entityType || filters.action || filters.from || filters.to);

  return (
    <Flex vertical gap={16}>
      <AuditFilters onChange={(f: AuditFilterValues) => setFilters((cur) => ({ ...f, page: 1, pageSize: cur.pageSize }))} />
      {audit.isError ? (
        <QueryError error={audit.error} onRetry={() => void audit.refetch()} title="审计日志加载失败" />
      ) : (
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (entry) => <AuditDiffView entry={entry} orgName={orgName} />,
            expandRowByClick: true,
          }}
          locale={{ emptyText: audit.isPending ? '正在加载…' : filtered ? '没有符合条件的操作记录' : '暂无操作记录' }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => `共 ${total} 条记录`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page: pageSize === f.pageSize ? page : 1, pageSize })),
          }}
        />
      )}
    </Flex>
  );
}
