import { Button, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { VanguardPost } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { RecordFiles } from '@/components/record-files';
import { useEditing } from '@/lib/use-editing';
import { useVanguardPosts } from '../api/get-vanguard-posts';
import { SectionHeader } from './section-header';
import { VanguardFormModal } from './vanguard-form-modal';

/** 党员先锋岗 of the chosen year. */
export function VanguardSection({ orgId, year, canEdit }: { orgId: number; year: number; canEdit: boolean }) {
  const posts = useVanguardPosts(orgId, year);
  const editing = useEditing<VanguardPost>(() => posts.refetch());

  const columns: TableProps<VanguardPost>['columns'] = [
    { title: '先锋岗', dataIndex: 'name', width: 200 },
    { title: '负责人', dataIndex: 'leaderName', width: 110, render: (n: string | null) => n ?? '—' },
    { title: '岗位党员', dataIndex: 'memberCount', width: 96, render: (n: number) => `${n} 人` },
    { title: '岗位简介', dataIndex: 'description', ellipsis: { showTitle: true }, render: (d: string | null) => d ?? '—' },
    {
      title: '附件', key: 'files', width: 200,
      render: (_: unknown, p: VanguardPost) => <RecordFiles path={`/vanguard-posts/${p.id}/attachments`} canEdit={canEdit} label="材料" />,
    },
    ...(canEdit ? [{
      title: '操作', key: 'actions', width: 72,
      render: (_: unknown, p: VanguardPost) => <Typography.Link onClick={() => editing.open(p)}>修改</Typography.Link>,
    }] : []),
  ];

  return (
    <section aria-label="党员先锋岗">
      <SectionHeader title={`${year}年党员先锋岗`} hint="亮身份、当先锋，在急难险重任务中发挥党员作用。">
        {canEdit && <Button icon={<PlusOutlined />} onClick={editing.openNew}>设立先锋岗</Button>}
      </SectionHeader>
      {posts.isError ? (
        <QueryError error={posts.error} onRetry={() => void posts.refetch()} title="党员先锋岗加载失败" />
      ) : (
        <Table<VanguardPost>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={posts.data ?? []}
          loading={posts.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: posts.isPending ? '正在加载…' : `${year}年尚未设立党员先锋岗` }}
        />
      )}
      {editing.isOpen && <VanguardFormModal orgId={orgId} year={year} record={editing.record} onClose={editing.close} onReload={editing.reload} />}
    </section>
  );
}
