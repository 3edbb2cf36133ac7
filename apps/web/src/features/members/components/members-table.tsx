import { useState, type ReactNode } from 'react';
import { Flex, Table, Typography } from 'antd';
import type { MemberListItem } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
// The roster is an org sub-resource (GET /api/orgs/:id/members), so its query lives in the org feature.
import { useOrgMembers } from '@/lib/org-queries';
import { useMemberPermissions } from '../lib/permissions';
import { memberColumns } from './member-columns';
import { MemberDetailDrawer } from './member-detail-drawer';
import { MemberFilters } from './member-filters';
import type { MemberFilterValues } from './member-filters';
import { AddMemberButton } from './member-form/add-member-button';

const PAGE_SIZES = [10, 20, 50, 100];

interface MembersTableProps {
  /** Members of this org's whole sub-tree are listed. */
  orgId: number;
  /** Show each member's branch: useful when the org spans many branches. */
  showOrg?: boolean;
  /** The org is a 党支部: members can be enrolled in it (新增党员). */
  isBranch?: boolean;
  /** More actions beside 新增党员, composed by the app layer (e.g. the roster's Excel import/export). */
  actions?: ReactNode;
}

/** A server-paged member roster with filters; a click opens the member's record. */
export function MembersTable({ orgId, showOrg = false, isBranch = false, actions }: MembersTableProps) {
  const [filters, setFilters] = useState<MemberFilterValues>({ status: 'active' });
  const [paging, setPaging] = useState({ page: 1, pageSize: PAGE_SIZES[1]! });
  // The drawer keeps showing the last member while it slides shut.
  const [drawer, setDrawer] = useState<{ memberId: number | null; open: boolean }>({ memberId: null, open: false });
  const openMember = (memberId: number) => setDrawer({ memberId, open: true });
  const members = useOrgMembers(orgId, { ...filters, ...paging });
  const { canWrite } = useMemberPermissions();

  const showingLeft = filters.status !== 'active';
  const columns = memberColumns({ showOrg, showStatus: showingLeft, onOpen: openMember });
  const filtered = Boolean(filters.q || filters.employment || filters.titleLevel || filters.category) || showingLeft;

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap justify="space-between" align="center">
        <MemberFilters
          value={filters}
          onChange={(next) => {
            setFilters(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
        />
        <Flex gap={8} wrap>
          {isBranch && canWrite && <AddMemberButton branchId={orgId} />}
          {actions}
        </Flex>
      </Flex>
      {showingLeft && (
        <Typography.Text type="secondary">已离开名册的党员记录作为历史保留；点击姓名可查看离开日期和原因。</Typography.Text>
      )}
      {members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} title="党员名单加载失败" />
      ) : (
        <Table<MemberListItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={members.data?.items ?? []}
          loading={members.isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(m) => ({ onClick: () => openMember(m.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: members.isPending ? '正在加载…' : filtered ? '没有符合条件的党员' : '暂无党员' }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: members.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => `共 ${total} 人`,
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
        />
      )}
      <MemberDetailDrawer {...drawer} onClose={() => setDrawer((d) => ({ ...d, open: false }))} />
    </Flex>
  );
}
