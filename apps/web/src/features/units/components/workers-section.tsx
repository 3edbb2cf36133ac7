import { useState } from 'react';
import { Button, Card, Flex, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PartyWorker } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { formatDate } from '@/lib/format';
import { useWorkers } from '../api/workers';
import { WorkerEndModal } from './worker-end-modal';
import { WorkerFormModal } from './worker-form-modal';

/** Counts only those still serving: a worker who left no longer staffs the unit's party work. */
function Summary({ workers }: { workers: PartyWorker[] }) {
  const serving = workers.filter((w) => w.endDate === null);
  const fullTime = serving.filter((w) => w.fullTime).length;
  return (
    <Space size={8}>
      <Typography.Text>在任专职 {fullTime} 名、兼职 {serving.length - fullTime} 名</Typography.Text>
      {fullTime === 0 && <Tag color="error">无专职党务干部</Tag>}
    </Space>
  );
}

/** 党务干部: who does the unit's party work, 专职 or 兼职, since when and until when. */
export function WorkersSection({ unitId, canWrite }: { unitId: number; canWrite: boolean }) {
  const workers = useWorkers(unitId);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<PartyWorker | null>(null);

  const columns: TableColumnsType<PartyWorker> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '职务', dataIndex: 'position' },
    { title: '专职/兼职', dataIndex: 'fullTime', width: 100, render: (v: boolean) => (v ? <Tag color="green">专职</Tag> : <Tag>兼职</Tag>) },
    { title: '任职日期', dataIndex: 'startDate', width: 120, render: formatDate },
    {
      title: '离任日期',
      dataIndex: 'endDate',
      width: 120,
      render: (v: string | null) => (v ? formatDate(v) : <Tag color="processing">在任</Tag>),
    },
    ...(canWrite
      ? [{
          title: '操作',
          key: 'actions',
          width: 80,
          render: (_: unknown, w: PartyWorker) =>
            w.endDate === null && <Button type="link" size="small" onClick={() => setEnding(w)}>离任</Button>,
        }]
      : []),
  ];

  return (
    <Card size="small" title="党务干部" extra={canWrite && <Button size="small" onClick={() => setAdding(true)}>登记党务干部</Button>}>
      {workers.isPending ? (
        <Skeleton active />
      ) : workers.isError ? (
        <QueryError error={workers.error} onRetry={() => void workers.refetch()} title="党务干部加载失败" />
      ) : (
        <Flex vertical gap={8}>
          <Summary workers={workers.data} />
          <Table<PartyWorker>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={workers.data}
            pagination={false}
            locale={{ emptyText: '尚未登记党务干部' }}
          />
        </Flex>
      )}
      {adding && <WorkerFormModal unitId={unitId} onClose={() => setAdding(false)} />}
      {ending && <WorkerEndModal unitId={unitId} worker={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}
