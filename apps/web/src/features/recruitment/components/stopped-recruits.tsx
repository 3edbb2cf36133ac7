import { Collapse, Table, Tag } from 'antd';
import { RECRUIT_STAGE_LABELS } from '@wj/domain';
import type { Recruit } from '@wj/domain/schemas';
import { formatDate } from '@/lib/format';

/** Entries whose training was ended: kept with the stage reached, the date and the reason. */
export function StoppedRecruits({ items }: { items: Recruit[] }) {
  if (items.length === 0) return null;
  return (
    <Collapse
      size="small"
      items={[{
        key: 'stopped',
        label: `已终止培养（${items.length} 人）`,
        children: (
          <Table<Recruit>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '终止时所处阶段', dataIndex: 'stage', width: 140, render: (s: Recruit['stage']) => <Tag>{RECRUIT_STAGE_LABELS[s]}</Tag> },
              { title: '入党申请日期', dataIndex: 'applicationDate', width: 120, render: formatDate },
              { title: '终止日期', dataIndex: 'stoppedDate', width: 120, render: formatDate },
              { title: '终止原因', dataIndex: 'stopReason', render: (r: string | null) => r ?? '—' },
            ]}
          />
        ),
      }]}
    />
  );
}
