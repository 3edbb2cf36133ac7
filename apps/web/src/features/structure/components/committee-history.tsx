import { Collapse, Typography } from 'antd';
import type { CommitteeRecord } from '@wj/domain/schemas';
import { formatDate } from '@/lib/format';
import { CommitteeMembersTable } from './committee-members-table';
import { CommitteeTerm } from './committee-term';

/** Earlier committees, newest first: history is kept, never overwritten by an election. */
export function CommitteeHistory({ history }: { history: CommitteeRecord[] }) {
  if (history.length === 0) return <Typography.Text type="secondary">暂无往届支委会记录</Typography.Text>;
  return (
    <Collapse
      size="small"
      items={history.map((c) => ({
        key: c.id,
        label: `${formatDate(c.electedDate)} 选举产生（${c.members.length} 人）`,
        children: (
          <>
            <div style={{ marginBottom: 8 }}>
              <CommitteeTerm committee={c} />
            </div>
            <CommitteeMembersTable members={c.members} />
          </>
        ),
      }))}
    />
  );
}
